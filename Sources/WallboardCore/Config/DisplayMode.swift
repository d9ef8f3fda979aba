/// A video mode such as `1920x1080@60` (the refresh is optional): what the config asks for and
/// what the display layer matches against the monitor's modes. One type for both, so the text is
/// parsed in one place.
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

    /// Parses "WIDTHxHEIGHT[@HZ]" (sizes 1–16384, refresh 1–1000); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let size = parts[0].split(separator: "x", omittingEmptySubsequences: false)
        guard size.count == 2, let w = Int(size[0]), let h = Int(size[1]), (1...16384).contains(w), (1...16384).contains(h)
        else { return nil }
        var refresh: Int?
        if parts.count == 2 {
            guard let r = Int(parts[1]), (1...1000).contains(r) else { return nil }
            refresh = r
        }
        self.init(width: w, height: h, refresh: refresh)
    }

    /// True if a monitor mode of this size and refresh satisfies the request.
    public func matches(width w: Int, height h: Int, refresh r: Int) -> Bool {
        w == width && h == height && (refresh == nil || refresh == r)
    }

    public var description: String { "\(width)x\(height)" + (refresh.map { "@\($0)" } ?? "") }
}
