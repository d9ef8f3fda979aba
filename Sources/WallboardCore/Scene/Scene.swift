/// What the board shows, in words and alarm levels: the contract between the board logic and the painter.
///
/// Everything is already formatted text: the painter knows nothing about queues or metrics, and the
/// board logic knows nothing about pixels. Two equal scenes must paint identical pixels.
public struct Scene: Sendable, Equatable {
    public var header: HeaderScene
    /// Supervisor banner message, if one is set.
    public var banner: String?
    /// One tile per queue, in display order (1–12).
    public var tiles: [TileScene]
    /// Floor-wide staff counts, if known.
    public var staff: StaffScene?
    public var footer: FooterScene
    /// When set, the whole feed is silent: the screen must say FEED LOST unmistakably.
    public var feedLost: FeedLostScene?
    /// 0...1, the phase of the gentle pulse applied to red tiles (0 when pulsing is off).
    public var pulse: Double

    public init(
        header: HeaderScene, banner: String? = nil, tiles: [TileScene], staff: StaffScene? = nil,
        footer: FooterScene, feedLost: FeedLostScene? = nil, pulse: Double = 0
    ) {
        self.header = header
        self.banner = banner
        self.tiles = tiles
        self.staff = staff
        self.footer = footer
        self.feedLost = feedLost
        self.pulse = pulse
    }
}

/// Alarm state of a figure or tile; ordered so `max` gives the worst.
public enum AlarmLevel: Int, Sendable, Comparable, CaseIterable {
    case normal = 0, amber = 1, red = 2

    public static func < (a: AlarmLevel, b: AlarmLevel) -> Bool { a.rawValue < b.rawValue }

    /// The word shown beside the colour, so an alarm never relies on colour alone.
    public var word: String {
        switch self {
        case .normal: return "OK"
        case .amber: return "WARNING"
        case .red: return "BREACH"
        }
    }
}

public struct HeaderScene: Sendable, Equatable {
    /// e.g. "FORCE CONTROL ROOM".
    public var title: String
    /// e.g. "14:02:33".
    public var clock: String
    public init(title: String, clock: String) {
        self.title = title
        self.clock = clock
    }
}

public struct TileScene: Sendable, Equatable {
    public var id: String
    /// e.g. "999".
    public var title: String
    /// Worst level of the tile's figures (`.normal` when stale: staleness is shown instead).
    public var level: AlarmLevel
    /// Calls waiting, the largest figure: "12", or "–" when unknown.
    public var waiting: String
    /// Longest wait as "m:ss" (ticking), or "–".
    public var longestWait: String
    /// The smaller figures in display order: service level, abandonment, ASA, extras.
    public var figures: [FigureScene]
    /// Why the tile is amber/red, in words: "LONGEST WAIT 0:42 > 0:30". Nil when normal.
    public var reason: String?
    /// Set when the queue's data is stale: "NO DATA 0:45". The tile is then drawn greyed.
    public var stale: String?
    /// Calls waiting over the last hour, one point a minute, oldest first; nil = no data that minute.
    public var sparkline: [Double?]

    public init(
        id: String, title: String, level: AlarmLevel, waiting: String, longestWait: String,
        figures: [FigureScene] = [], reason: String? = nil, stale: String? = nil, sparkline: [Double?] = []
    ) {
        self.id = id
        self.title = title
        self.level = level
        self.waiting = waiting
        self.longestWait = longestWait
        self.figures = figures
        self.reason = reason
        self.stale = stale
        self.sparkline = sparkline
    }
}

/// A labelled small figure on a tile: label "SL 10s", value "92%".
public struct FigureScene: Sendable, Equatable {
    public var label: String
    public var value: String
    public var level: AlarmLevel
    public init(label: String, value: String, level: AlarmLevel = .normal) {
        self.label = label
        self.value = value
        self.level = level
    }
}

public struct StaffScene: Sendable, Equatable {
    public var available: Int
    public var onCall: Int
    public var wrapUp: Int
    public var onBreak: Int
    public var other: Int
    /// Alarm level of the available-staff figure.
    public var level: AlarmLevel
    public init(available: Int, onCall: Int, wrapUp: Int, onBreak: Int, other: Int, level: AlarmLevel = .normal) {
        self.available = available
        self.onCall = onCall
        self.wrapUp = wrapUp
        self.onBreak = onBreak
        self.other = other
        self.level = level
    }
}

public struct FooterScene: Sendable, Equatable {
    /// e.g. "FEED OK · last 0:01 ago · acd-a · dropped 0".
    public var feed: String
    /// True when the feed text describes a problem (drawn emphasised).
    public var warning: Bool
    public init(feed: String, warning: Bool = false) {
        self.feed = feed
        self.warning = warning
    }
}

public struct FeedLostScene: Sendable, Equatable {
    /// e.g. "NO DATA FOR 2:15".
    public var detail: String
    /// e.g. "Last publisher acd-a · figures below are NOT current".
    public var hint: String
    public init(detail: String, hint: String) {
        self.detail = detail
        self.hint = hint
    }
}
