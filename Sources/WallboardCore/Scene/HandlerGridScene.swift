/// The handler grid (`[board] view = handlers|both`): one cell per call handler, in words, ready to
/// draw. The painter knows nothing about handlers beyond this.
public struct HandlerGridScene: Sendable, Equatable {
    /// Every handler on the board, in grid order (see `Scene.currentPage`, which keeps a page's worth).
    public var cells: [HandlerCellScene]
    /// "HANDLERS 1–60 OF 75 · 2 NOT READY TOO LONG": set by paging, so a page never hides that
    /// others exist, nor an alarm on them.
    public var caption: String
    /// Cells in amber or red (all pages), for the caption.
    public var alarmed: Int
    /// True once `Scene.currentPage` cut it to one page (paging again keeps it).
    public var isPaged = false

    public init(cells: [HandlerCellScene], caption: String = "", alarmed: Int = 0) {
        self.cells = cells
        self.caption = caption
        self.alarmed = alarmed
    }
}

/// One handler's cell: name, state as word (and, by `state`, colour and shape), time in state, reason.
public struct HandlerCellScene: Sendable, Equatable {
    public var id: String
    /// The name and its shorter forms, each unambiguous on this board, longest first; the last is the
    /// handler's id when the name has to give way (see `HandlerNames`).
    public var nameForms: [String]
    /// Which colour and shape (`HandlerState.other` has the neutral ones).
    public var state: HandlerState
    /// "AVAILABLE", "ON CALL", "WRAP-UP", "BREAK", "NOT READY", "OFFLINE", or the sent word upper-cased.
    public var stateWord: String
    /// Time in state, "12:34" (ticking), with shorter true forms; "–" when unknown.
    public var time: [String]
    public var reason: String?
    /// Not ready (or on break) for too long (`[staff] not_ready.amber/.red`); normal when stale.
    public var level: AlarmLevel
    /// Set when the record is old: "NO DATA". The cell is then drawn greyed, its time frozen.
    public var stale: String?

    public init(
        id: String, nameForms: [String], state: HandlerState, stateWord: String, time: [String], reason: String? = nil,
        level: AlarmLevel = .normal, stale: String? = nil
    ) {
        self.id = id
        self.nameForms = nameForms
        self.state = state
        self.stateWord = stateWord
        self.time = time
        self.reason = reason
        self.level = level
        self.stale = stale
    }

    /// "WARNING" or "BREACH" beside an alarmed time, so the alarm never relies on colour; "NO DATA" when stale.
    public var mark: String? { stale ?? (level == .normal ? nil : level.word) }
}

extension HandlerState {
    /// The word on the wall.
    public var displayWord: String {
        switch self {
        case .available: "AVAILABLE"
        case .onCall: "ON CALL"
        case .wrapUp: "WRAP-UP"
        case .onBreak: "BREAK"
        case .notReady: "NOT READY"
        case .offline: "OFFLINE"
        case .other(let word): word.uppercased()
        }
    }
}
