/// What the board shows, in words and alarm levels: the contract between the board logic and the painter.
///
/// Everything is already formatted text: the painter knows nothing about queues or metrics, and the
/// board logic knows nothing about pixels. Two equal scenes must paint identical pixels.
public struct Scene: Sendable, Equatable {
    public var header: HeaderScene
    /// Supervisor banner message, if one is set.
    public var banner: String?
    /// One tile per queue, in display order: every queue on the board, more than fit one screen when
    /// the floor has many (see `currentPage`, which picks the ones drawn now).
    public var tiles: [TileScene]
    /// How the tiles are split into pages when they do not all fit.
    public var paging: PagingScene
    /// Titles of queues in breach that have no tile on this screen (left out by `[board] queues`, or
    /// on another page): the wall names them, so an alarm is never hidden.
    public var hiddenBreaches: [String]
    /// "PAGE 2/3" while the tiles are paged (with the thresholds marker before it, see `currentPage`).
    public var pageMarker: String?
    /// "NIGHT THRESHOLDS" while the night profile's limits are in force, so staff know why colours differ.
    public var thresholdsMarker: String?
    /// Floor-wide staff counts, if known.
    public var staff: StaffScene?
    public var footer: FooterScene
    /// When set, the whole feed is silent: the screen must say FEED LOST unmistakably.
    public var feedLost: FeedLostScene?
    /// 0...1, the phase of the gentle pulse applied to red tiles (0 when pulsing is off).
    public var pulse: Double
    /// The handler grid when `[board] view` shows it (see `currentPage`, which gives it its turn).
    public var handlerGrid: HandlerGridScene?
    /// `[board] view`: with `both`, the grid's pages follow the tile pages.
    public var view: BoardView = .tiles

    public init(
        header: HeaderScene, banner: String? = nil, tiles: [TileScene], staff: StaffScene? = nil,
        footer: FooterScene, feedLost: FeedLostScene? = nil, pulse: Double = 0, paging: PagingScene = PagingScene(),
        hiddenBreaches: [String] = [], pageMarker: String? = nil
    ) {
        self.header = header
        self.banner = banner
        self.tiles = tiles
        self.paging = paging
        self.hiddenBreaches = hiddenBreaches
        self.pageMarker = pageMarker
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
    /// Shorter, still true, forms of `waiting` for when it cannot fit its box even shrunk
    /// (">1.2M" for 1234567): a figure is never cut.
    public var waitingOverflow: [String]
    /// Longest wait as "m:ss" (ticking), or "–".
    public var longestWait: String
    public var longestWaitOverflow: [String]
    /// The captions under the two big figures.
    public var waitingLabel: String
    public var longestWaitLabel: String
    /// The state word beside the title: "OK", "WARNING", "BREACH", or "STALE" when the data is old.
    public var status: String { stale != nil ? "STALE" : level.word }
    /// The smaller figures in display order: service level, abandonment, ASA, extras.
    public var figures: [FigureScene]
    /// Why the tile is amber/red, in words: "LONGEST WAIT 0:42 > 0:30". Nil when normal.
    public var reason: String?
    /// Set when the queue's data is stale: "NO DATA 0:45". The tile is then drawn greyed.
    public var stale: String?
    /// "ACKNOWLEDGED by alice 14:02" while an acknowledged alarm stands (drawn under the reason).
    public var acknowledged: String?
    /// Calls waiting over the last hour, one point a minute, oldest first; nil = no data that minute.
    public var sparkline: [Double?]

    public init(
        id: String, title: String, level: AlarmLevel, waiting: String, longestWait: String,
        figures: [FigureScene] = [], reason: String? = nil, stale: String? = nil, sparkline: [Double?] = [],
        waitingOverflow: [String] = [], longestWaitOverflow: [String] = [],
        waitingLabel: String = "WAITING", longestWaitLabel: String = "LONGEST WAIT", acknowledged: String? = nil
    ) {
        self.acknowledged = acknowledged
        self.id = id
        self.title = title
        self.level = level
        self.waiting = waiting
        self.waitingOverflow = waitingOverflow
        self.longestWait = longestWait
        self.longestWaitOverflow = longestWaitOverflow
        self.waitingLabel = waitingLabel
        self.longestWaitLabel = longestWaitLabel
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
    /// Shorter true forms of `value`, tried in order when it cannot fit (see `TileScene.waitingOverflow`).
    public var overflow: [String]
    public init(label: String, value: String, level: AlarmLevel = .normal, overflow: [String] = []) {
        self.label = label
        self.value = value
        self.level = level
        self.overflow = overflow
    }

    /// A figure from its forms, longest first (`FigureFormat.countForms`).
    public init(label: String, forms: [String], level: AlarmLevel = .normal) {
        self.init(label: label, value: forms.first ?? FigureFormat.unknown, level: level, overflow: Array(forms.dropFirst()))
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
    /// The five captions, in the order of `counts`.
    public var labels: [String]
    public init(
        available: Int, onCall: Int, wrapUp: Int, onBreak: Int, other: Int, level: AlarmLevel = .normal,
        labels: [String] = ["AVAILABLE", "ON CALL", "WRAP-UP", "BREAK", "OTHER"]
    ) {
        self.available = available
        self.onCall = onCall
        self.wrapUp = wrapUp
        self.onBreak = onBreak
        self.other = other
        self.level = level
        self.labels = labels
    }

    /// Available, on call, wrap-up, break, other.
    public var counts: [Int] { [available, onCall, wrapUp, onBreak, other] }

    /// Each count as text, with its shorter true forms for a cell too narrow for all its digits.
    public var values: [[String]] { counts.map(FigureFormat.countForms) }
}

public struct FooterScene: Sendable, Equatable {
    /// e.g. "FEED OK · last 0:01 ago · acd-a · missing 0".
    public var feed: String
    /// True when the feed text describes a problem (drawn emphasised).
    public var warning: Bool
    public init(feed: String, warning: Bool = false) {
        self.feed = feed
        self.warning = warning
    }
}

extension FooterScene {
    /// The footer with `text` (the board's own trouble) first, emphasised; unchanged for nil.
    /// First, because a footer too long for the screen loses its end, not its start.
    func leading(_ text: String?) -> FooterScene {
        guard let text else { return self }
        return FooterScene(feed: text + " · " + feed, warning: true)
    }
}

public struct FeedLostScene: Sendable, Equatable {
    public var headline: String
    /// e.g. "NO DATA FOR 2:15".
    public var detail: String
    /// e.g. "Last publisher acd-a · figures below are NOT current".
    public var hint: String
    public init(detail: String, hint: String, headline: String = "FEED LOST") {
        self.headline = headline
        self.detail = detail
        self.hint = hint
    }
}

/// How a board with more queues than fit one screen shows them all: pages of at most `size` tiles,
/// turning every `seconds` (see `Scene.currentPage`).
public struct PagingScene: Sendable, Equatable {
    /// Tiles per page (1–12).
    public var size: Int
    /// Counts up by one every page turn (from the time the scene was built for).
    public var turn: Int
    public init(size: Int = 12, turn: Int = 0) {
        self.size = size
        self.turn = turn
    }
}
