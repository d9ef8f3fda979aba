import Dispatch

/// The agent's one serial queue, and the way onto it that checks the rule "everything runs on this
/// queue, one at a time": every handler registered through the loop asserts, when it runs, that it
/// is on the queue (`dispatchPrecondition`, kept in release builds), and state owned by the loop is
/// held in `LoopConfined`, which asserts the same on every access. A handler wired to another queue
/// traps at once — in the tests — instead of racing quietly on a wall.
public final class EventLoop: Sendable {
    public let queue: DispatchQueue

    /// No QoS class is asked for: libdispatch would then try to raise the queue's thread priority,
    /// which the unit's sandbox refuses ("Failed to set thread priority ... errno=13" in the journal).
    public init(label: String) { queue = DispatchQueue(label: label) }

    /// Traps unless the caller runs on the loop's queue.
    public func assertOnLoop() { dispatchPrecondition(condition: .onQueue(queue)) }

    /// Runs `body` on the loop, soon.
    public func async(_ body: @escaping @Sendable () -> Void) { queue.async(execute: checked(body)) }

    /// A timer whose handler runs on the loop (schedule and resume it as any DispatchSourceTimer).
    public func timer(_ handler: @escaping @Sendable () -> Void) -> DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler(handler: checked(handler))
        return timer
    }

    /// A read source on `fd` whose handler runs on the loop (resumed: it fires from now on).
    public func whenReadable(_ fd: Int32, _ handler: @escaping @Sendable () -> Void) -> DispatchSourceRead {
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler(handler: checked(handler))
        source.resume()
        return source
    }

    /// A signal source whose handler runs on the loop (resumed).
    public func whenSignalled(_ signal: Int32, _ handler: @escaping @Sendable () -> Void) -> DispatchSourceSignal {
        let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
        source.setEventHandler(handler: checked(handler))
        source.resume()
        return source
    }

    /// `handler`, asserting first that it runs on the loop.
    private func checked(_ handler: @escaping @Sendable () -> Void) -> @Sendable () -> Void {
        { [self] in
            assertOnLoop()
            handler()
        }
    }
}

/// A value that belongs to one `EventLoop`: reachable only through `withValue`, which traps when
/// called from anywhere but the loop's queue. That check is what makes it Sendable: a closure on
/// another thread may hold it, but cannot touch the value without stopping the program.
public final class LoopConfined<Value>: @unchecked Sendable {
    public let loop: EventLoop
    private var value: Value

    public init(_ value: Value, on loop: EventLoop) {
        self.value = value
        self.loop = loop
    }

    /// Runs `body` with the value; the caller must be on the loop.
    public func withValue<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        loop.assertOnLoop()
        return try body(&value)
    }
}

extension LoopConfined where Value: AnyObject {
    /// The object, for a caller on the loop (traps elsewhere). Only read, never modified in place:
    /// a handler that runs another synchronously (a feed delivering from inside `start`) makes no
    /// overlapping exclusive access, as nested `withValue` calls would.
    public var object: Value {
        loop.assertOnLoop()
        return value
    }
}
