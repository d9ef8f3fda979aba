#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Turns signals into events on the agent's queue (DispatchSource), so handlers run as ordinary
/// code on the event loop instead of in async-signal context.
public final class SignalHandler: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let queue: DispatchQueue

    public init(queue: DispatchQueue) { self.queue = queue }

    /// Calls `handler` on the queue each time `signal` arrives. The default action is disabled first,
    /// otherwise SIGTERM would kill the process before the source sees it.
    public func on(_ signalNumber: Int32, _ handler: @escaping @Sendable () -> Void) {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler(handler: handler)
        source.resume()
        sources.append(source)
    }

    public func cancelAll() {
        for source in sources { source.cancel() }
        sources.removeAll()
    }
}
