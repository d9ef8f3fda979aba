import WallboardCore

/// Handler-grid scenes built the way the board builds them: `A` records applied to a real
/// `BoardState`, then the real `SceneBuilder` with a real parsed config.
enum FakeHandlerScenes {
    /// 60 names of realistic length for a UK control room, several long ones among them.
    static let names: [String] = [
        "Katarzyna Campbell-Hughes", "Oluwaseun Adebayo-Williams", "Priya Patel", "Ben Davies", "Siobhán O'Sullivan",
        "Mohammed Hussain", "Grace Fitzgerald", "Thomas Williamson", "Aisha Rahman", "Daniel MacDonald",
        "Emily Robinson", "Farhan Chowdhury", "Harry Thompson", "Isabelle Kowalski", "Jack Edwards",
        "Liam Zielinski", "Niamh Gallagher", "Oliver Wright", "Rhys Llewellyn-Jones", "Sophie Clarke",
        "Uzma Begum", "Victoria Hargreaves", "William Okonkwo", "Yasmin Ahmed", "Alexander Papadopoulos",
        "Bethany Nowak", "Callum Fraser", "Charlotte Montgomery", "Declan Byrne", "Eleanor Whitfield",
        "Gurpreet Sandhu", "Hannah Lewis", "Imran Qureshi", "Jasmine Campbell", "Kieran Doherty",
        "Lucy Ashworth", "Matthew Greenwood", "Nadia Kaczmarek", "Owen Pritchard", "Poppy Marsden",
        "Rebecca Stanislawski", "Samuel Oyelaran", "Tariq Mahmood", "Zofia Wiśniewska", "Amelia Brown",
        "Bartosz Lewandowski", "Chloe Summers", "Dominic Featherstone", "Ellie Richardson", "Francesca Moretti",
        "George Kettleborough", "Holly Drummond", "Ifeoma Nwachukwu", "James Rutherford", "Kirsty McAllister",
        "Leon Schwarzenberg", "Megan Threlfall", "Nathan Woodhouse", "Olivia Carmichael", "Patrick Brennan",
    ]

    static let reasons = ["Meal break", "Training", "Comfort break", "Team brief", "Admin"]

    /// `count` handlers cycling through every state; some on break or not ready long enough to alarm
    /// with `not_ready.amber = 10m`, `not_ready.red = 20m`; the last one of every 13 stale.
    static func board(count: Int = 60, now: MonotonicSeconds = 100) -> BoardState {
        var board = BoardState(startedAt: 0)
        let states: [HandlerState] = [.available, .onCall, .onCall, .wrapUp, .onBreak, .notReady, .onCall, .offline, .other("training")]
        func handler(_ i: Int) -> HandlerReport {
            let state = states[i % states.count]
            let since = state.isNotReady ? Double([95, 640, 1290, 4000][i % 4]) : Double(i * 37 % 900)
            return HandlerReport(
                id: "\(4700 + i)", name: i < names.count ? names[i] : "\(names[i % names.count]) \(i / names.count + 1)", state: state,
                reason: state.isNotReady || state == .other("training") ? reasons[i % reasons.count] : nil, since: since, scope: "999")
        }
        let stale = (0..<count).filter { $0 % 13 == 12 }
        // The stale ones were last heard 30 s before the rest (the default stale time is 3 × 2 s).
        board.apply(FeedMessage(
            publisher: "acd", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2,
            queues: [QueueReport(id: "999", name: "999 Emergency", waiting: 2, longestWait: 8)],
            handlers: stale.map(handler)), at: now - 30)
        board.apply(FeedMessage(
            publisher: "acd", session: 1, sequence: 2, sentAtMilliseconds: 0, interval: 2, floor: "NORTH CONTROL",
            queues: [QueueReport(id: "999", name: "999 Emergency", waiting: 2, longestWait: 8)],
            staff: [StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5, other: 2)],
            handlers: (0..<count).filter { !stale.contains($0) }.map(handler)), at: now)
        return board
    }

    static let configText = """
        [board]
        view = handlers
        [staff]
        not_ready.amber = 10m
        not_ready.red = 20m
        """

    /// The grid of `board(count:)` (heard at 100) as seen at `now`.
    static func scene(count: Int = 60, now: MonotonicSeconds = 100, configText: String = configText) throws -> Scene {
        let board = board(count: count, now: 100)
        let config = try WallboardConfig(parsing: configText)
        var evaluator = AlarmEvaluator()
        return SceneBuilder(config: config).build(
            board: board, alarms: evaluator.evaluate(board: board, config: config, at: now), now: now,
            wallTime: WallTime(secondsOfDay: 14 * 3600 + 2 * 60 + 33))
    }
}
