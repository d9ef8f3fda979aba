/// A requested display mode, "1920x1080" or "1920x1080@60", as written in the config.
public struct DisplayMode: Sendable, Equatable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    /// Refresh rate in Hz; nil means "any".
    public var refresh: Int?

    public init(width: Int, height: Int, refresh: Int? = nil) {
        self.width = width
        self.height = height
        self.refresh = refresh
    }

    /// Parses "WIDTHxHEIGHT[@HZ]"; throws `DisplayError.invalidMode` otherwise.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let size = parts[0].split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count <= 2, size.count == 2, let w = Int(size[0]), let h = Int(size[1]), w > 0, h > 0
        else { throw DisplayError.invalidMode(text) }
        var hz: Int?
        if parts.count == 2 {
            guard let r = Int(parts[1]), r > 0 else { throw DisplayError.invalidMode(text) }
            hz = r
        }
        self.init(width: w, height: h, refresh: hz)
    }

    /// True if a monitor mode of this size and refresh satisfies the request.
    public func matches(width w: Int, height h: Int, refresh r: Int) -> Bool {
        w == width && h == height && (refresh == nil || refresh == r)
    }

    public var description: String {
        refresh.map { "\(width)x\(height)@\($0)" } ?? "\(width)x\(height)"
    }
}
