import WallboardCore

extension DisplayMode {
    /// Parses "WIDTHxHEIGHT[@HZ]" for the display tools; throws `DisplayError.invalidMode` otherwise.
    public init(parsing text: String) throws {
        guard let mode = DisplayMode(text) else { throw DisplayError.invalidMode(text) }
        self = mode
    }
}
