#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Turns signals into events on the agent's loop (DispatchSource), so handlers run as ordinary
/// code on the event loop instead of in async-signal context.
public final class SignalHandler: Sendable {
    private let sources: LoopConfined<[DispatchSourceSignal]>
    private let loop: EventLoop

    public init(loop: EventLoop) {
        self.loop = loop
        sources = LoopConfined([], on: loop)
    }

    /// Calls `handler` on the loop each time `signal` arrives; call it on the loop. The default
    /// action is disabled first, otherwise SIGTERM would kill the process before the source sees it.
    public func on(_ signalNumber: Int32, _ handler: @escaping @Sendable () -> Void) {
        signal(signalNumber, SIG_IGN)
        let source = loop.whenSignalled(signalNumber, handler)
        sources.withValue { $0.append(source) }
    }

    public func cancelAll() {
        sources.withValue { sources in
            for source in sources { source.cancel() }
            sources.removeAll()
        }
    }
}
