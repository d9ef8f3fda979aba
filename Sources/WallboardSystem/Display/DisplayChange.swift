/// A display that has kernel events to react to (page-flip completions, monitor hot-plug, DRM
/// master changes). The agent puts these on its Dispatch event loop:
///
/// ```swift
/// if let events = display as? EventDrivenDisplay {
///     for fd in events.eventFileDescriptors {
///         let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
///         source.setEventHandler { handle(try? events.handleEvents()) }
///         source.resume()
///     }
///     let timer = DispatchSource.makeTimerSource(queue: queue)
///     timer.schedule(deadline: .now() + events.checkInterval, repeating: events.checkInterval)
///     timer.setEventHandler { handle(try? events.periodicCheck()) }
///     timer.resume()
/// }
/// ```
/// Everything runs on that one queue: the displays are not thread-safe, by design.
/// When a returned `DisplayChange` says `.resized`, lay out again for the new `width`×`height`
/// and present the whole canvas; `.redrawn` needs nothing (the display repainted from the last frame).
public protocol EventDrivenDisplay: Display {
    /// Non-blocking descriptors to watch for readability.
    var eventFileDescriptors: [Int32] { get }
    /// Reads whatever is ready on the descriptors (never blocks).
    func handleEvents() throws -> DisplayChange
    /// Seconds between calls of `periodicCheck()` (the slow connector poll, master retries).
    var checkInterval: Double { get }
    /// Polls what has no event (connector state, lost DRM master).
    func periodicCheck() throws -> DisplayChange
}

/// What an event did to a display.
public enum DisplayChange: Sendable, Equatable {
    /// Nothing the caller needs to act on.
    case none
    /// The screen went away or came back at the same size; the display repainted it from the last frame.
    case redrawn
    /// The mode changed: `width`/`height` are new; draw a new canvas and present it whole.
    case resized
    /// The monitor is unplugged; frames are kept until it returns.
    case disconnected
}
