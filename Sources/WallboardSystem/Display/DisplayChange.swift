/// What an event did to a display (`Display.handleEvents()`, `periodicCheck()`).
/// When it says `.resized`, lay out again for the new `width`×`height` and present the whole
/// canvas; `.redrawn` needs nothing (the display repainted from the last frame).
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
