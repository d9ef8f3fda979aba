/// The call floor as one Asterisk reports it, fed by AMI messages (the `QueueSummary` and
/// `QueueStatus` answers of each poll, and member events between polls) and turned into the feed's
/// `Q` and `S` records. Pure: every time comes in as an argument.
///
/// What each figure is (README, "From Asterisk"):
/// - `waiting` = `Callers` of QueueSummary; `oldest` = the longest of `LongestHoldTime` and the
///   `Wait` of the queue's entries, aged by the time since Asterisk answered;
/// - `answered` = `Completed`, `abandoned` = `Abandoned`, `offered` = their sum (the calls whose
///   outcome Asterisk has counted), all since Asterisk's statistics were last reset;
/// - `target` = `ServiceLevel`; `within` = the fewest answered calls that agree with the
///   `ServicelevelPerf` Asterisk prints (answered within ÷ answered, one decimal), so a rounded
///   percentage never makes the service level look better than it was.
public struct AsteriskFloor: Sendable {
    /// What `period` says the counters cover.
    public static let period = "since stats reset"

    struct Queue: Sendable, Equatable {
        var callers: Int?
        var longestHold: Int?
        var longestEntryWait: Int?
        var completed: Int?
        var abandoned: Int?
        var serviceLevelSeconds: Int?
        /// `ServicelevelPerf` in tenths of a percent, as printed.
        var performanceTenths: Int?
        /// Monotonic time the answer arrived (the hold times are ages at that moment).
        var answeredAt: Double = 0
    }

    struct MemberKey: Hashable, Sendable {
        var queue: String
        var interface: String
    }

    public struct Member: Sendable, Equatable {
        public var queue: String
        public var interface: String
        public var name: String
        public var status = 0
        public var paused = false
        public var pausedReason = ""
        public var inCall = false
        /// Unix seconds; 0 = never.
        public var lastCall = 0
        public var lastPause = 0
        public var wrapupSeconds = 0
        /// The state last seen and the Unix time it began, when known.
        var seenState: AsteriskMemberState?
        var seenSince: Double?

        func state(unixNow: Double) -> AsteriskMemberState {
            AsteriskMemberState(
                status: status, paused: paused,
                secondsSinceLastCall: lastCall > 0 ? unixNow - Double(lastCall) : nil, wrapupSeconds: wrapupSeconds)
        }

        /// When the current state began: Asterisk's own stamp where it has one (pause, end of the
        /// last call), else the moment the bridge saw it change; nil when neither is known.
        func since(_ state: AsteriskMemberState) -> Double? {
            switch state {
            case .onBreak where lastPause > 0: Double(lastPause)
            case .wrap where lastCall > 0: Double(lastCall)
            default: seenSince
            }
        }
    }

    /// Queues in the order Asterisk listed them.
    private var queueOrder: [String] = []
    private var queues: [String: Queue] = [:]
    private var members: [MemberKey: Member] = [:]
    /// Members in the order first heard, so records keep a stable order.
    private var memberOrder: [MemberKey] = []

    // The poll being received: replaces the queues and members above when both lists are complete.
    private var pendingOrder: [String] = []
    private var pendingQueues: [String: Queue] = [:]
    private var pendingMembers: [MemberKey: Member]?
    private var pendingMemberOrder: [MemberKey] = []

    public init() {}

    public var queueCount: Int { queueOrder.count }
    public var memberCount: Int { members.count }

    // MARK: feeding

    /// A new poll begins: answers collect aside until `finishPoll`.
    public mutating func beginPoll() {
        pendingOrder = []
        pendingQueues = [:]
        pendingMembers = [:]
        pendingMemberOrder = []
    }

    /// The poll's lists are complete: they become the floor (a queue or member Asterisk no longer
    /// lists is gone).
    public mutating func finishPoll(unixNow: Double) {
        queueOrder = pendingOrder
        queues = pendingQueues
        if let fresh = pendingMembers {
            var merged: [MemberKey: Member] = [:]
            for (key, var m) in fresh {
                if let old = members[key] { (m.seenState, m.seenSince) = (old.seenState, old.seenSince) }
                merged[key] = m
            }
            members = merged
            let known = Set(memberOrder)
            memberOrder = memberOrder.filter { merged[$0] != nil } + pendingMemberOrder.filter { !known.contains($0) }
            noteStates(unixNow: unixNow)
        }
        pendingMembers = nil
    }

    /// One message of a poll's answer or an event. Returns a problem to log when a message this
    /// floor reads lacks what it needs (the message is then skipped whole).
    @discardableResult
    public mutating func apply(_ m: AMIMessage, now: Double, unixNow: Double) -> String? {
        guard let event = m.event else { return nil }
        switch event {
        case "QueueSummary":
            guard let name = m["Queue"] else { return "QueueSummary without Queue" }
            var q = pendingQueue(name)
            q.callers = m.integer("Callers")
            q.longestHold = m.integer("LongestHoldTime")
            q.answeredAt = now
            pendingQueues[name] = q
        case "QueueParams":
            guard let name = m["Queue"] else { return "QueueParams without Queue" }
            var q = pendingQueue(name)
            q.callers = q.callers ?? m.integer("Calls")
            q.completed = m.integer("Completed")
            q.abandoned = m.integer("Abandoned")
            q.serviceLevelSeconds = m.integer("ServiceLevel")
            q.performanceTenths = m["ServicelevelPerf"].flatMap(Self.tenths)
            q.answeredAt = now
            pendingQueues[name] = q
        case "QueueEntry":
            guard let name = m["Queue"], let wait = m.integer("Wait") else { return "QueueEntry without Queue or Wait" }
            var q = pendingQueue(name)
            q.longestEntryWait = max(q.longestEntryWait ?? 0, wait)
            pendingQueues[name] = q
        case "QueueMember":
            // The poll's list: names the member `Name`/`Location` (events say `MemberName`/`Interface`).
            guard pendingMembers != nil else { return nil }
            guard let member = Self.member(m, name: "Name", interface: "Location", over: nil) else {
                return "QueueMember without Queue or Location"
            }
            let key = MemberKey(queue: member.queue, interface: member.interface)
            if pendingMembers![key] == nil { pendingMemberOrder.append(key) }
            pendingMembers![key] = member
        case "QueueMemberStatus", "QueueMemberPause", "QueueMemberPaused", "QueueMemberAdded":
            guard let queue = m["Queue"], let interface = m["Interface"] ?? m["Location"] else {
                return "\(event) without Queue or Interface"
            }
            let key = MemberKey(queue: queue, interface: interface)
            guard let member = Self.member(m, name: "MemberName", interface: "Interface", over: members[key]) else {
                return "\(event) without Queue or Interface"
            }
            if members[key] == nil { memberOrder.append(key) }
            members[key] = member
            // An event during a poll is newer than the poll's line for the same member.
            if pendingMembers?[key] != nil { pendingMembers![key] = member }
            noteStates(unixNow: unixNow)
        case "QueueMemberRemoved":
            guard let queue = m["Queue"], let interface = m["Interface"] ?? m["Location"] else {
                return "QueueMemberRemoved without Queue or Interface"
            }
            let key = MemberKey(queue: queue, interface: interface)
            members[key] = nil
            memberOrder.removeAll { $0 == key }
            pendingMembers?[key] = nil
        default:
            break
        }
        return nil
    }

    /// The poll's figures for `name` so far, the queue now listed in the poll's order.
    private mutating func pendingQueue(_ name: String) -> Queue {
        if let q = pendingQueues[name] { return q }
        pendingOrder.append(name)
        return Queue()
    }

    /// A member from a poll line or an event; an event's absent fields keep what was known.
    static func member(_ m: AMIMessage, name nameKey: String, interface interfaceKey: String, over old: Member?) -> Member? {
        guard let queue = m["Queue"], let interface = m[interfaceKey] ?? m["Location"] ?? m["Interface"], !interface.isEmpty
        else { return nil }
        var member = old ?? Member(queue: queue, interface: interface, name: interface)
        if let name = m[nameKey] ?? m["MemberName"] ?? m["Name"], !name.isEmpty { member.name = name }
        if let s = m.integer("Status") { member.status = s }
        if let p = m.integer("Paused") { member.paused = p != 0 }
        // Asterisk 13 names the pause reason `Reason` on QueueMemberPause, later versions `PausedReason`.
        if let r = m["PausedReason"] ?? m["Reason"] { member.pausedReason = r }
        if !member.paused { member.pausedReason = "" }
        if let c = m.integer("InCall") { member.inCall = c != 0 }
        if let t = m.integer("LastCall") { member.lastCall = t }
        if let t = m.integer("LastPause") { member.lastPause = t }
        if let w = m.integer("Wrapuptime") { member.wrapupSeconds = w }
        return member
    }

    /// Stamps each member whose state changed with the time it was seen to change.
    private mutating func noteStates(unixNow: Double) {
        for key in memberOrder {
            guard var m = members[key] else { continue }
            let state = m.state(unixNow: unixNow)
            if m.seenState != state {
                // The first sight of a member says nothing about when its state began.
                m.seenSince = m.seenState == nil ? nil : unixNow
                m.seenState = state
                members[key] = m
            }
        }
    }

    /// "50.4" → 504: Asterisk prints `ServicelevelPerf` with one decimal (`%2.1f`).
    static func tenths(_ text: String) -> Int? {
        let parts = text.trimmingSpaces.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]), whole >= 0, parts.count <= 2 else { return nil }
        if parts.count == 1 { return whole * 10 }
        guard parts[1].count == 1, let tenth = Int(parts[1]), tenth >= 0 else { return nil }
        return whole * 10 + tenth
    }

    /// The fewest calls of `answered` that Asterisk's one-decimal `ServicelevelPerf` of
    /// `tenths` can stand for: the smallest w with 1000·w/answered ≥ tenths − ½ (a tie at the half
    /// counts as agreeing, so it is taken the worse way).
    public static func fewestWithin(answered: Int, performanceTenths tenths: Int) -> Int {
        guard answered > 0 else { return 0 }
        let numerator = (2 * tenths - 1) * answered
        let w = numerator <= 0 ? 0 : (numerator + 1999) / 2000
        return min(max(w, 0), answered)
    }
}

extension AsteriskFloor {
    // MARK: records

    /// The `Q` records: one per queue Asterisk listed, at `now` (monotonic seconds).
    public func queueReports(now: Double) -> [QueueReport] {
        queueOrder.compactMap { name in
            guard let q = queues[name] else { return nil }
            let waiting = q.callers ?? 0
            let hold = max(q.longestHold ?? 0, q.longestEntryWait ?? 0)
            let oldest = waiting > 0 ? Double(hold) + max(0, now - q.answeredAt) : 0
            var report = QueueReport(id: name, name: name, waiting: waiting, longestWait: oldest)
            if let c = q.completed, let a = q.abandoned {
                report.answered = c
                report.abandoned = a
                report.offered = c + a
                report.period = Self.period
                if let sl = q.serviceLevelSeconds, sl > 0 {
                    report.targetSeconds = Double(sl)
                    report.answeredWithinTarget = q.performanceTenths.map { Self.fewestWithin(answered: c, performanceTenths: $0) }
                }
            }
            return report
        }
    }

    /// The `S` records: one per queue (`scope` = its name), then the floor (each member once,
    /// however many queues they are in). Offline members are not counted: they are not logged in.
    public func staffReports(unixNow: Double) -> [StaffReport] {
        var perQueue: [String: StaffReport] = [:]
        for key in memberOrder {
            guard let m = members[key] else { continue }
            Self.count(m.state(unixNow: unixNow), in: &perQueue[m.queue, default: StaffReport(scope: m.queue, available: 0, onCall: 0, wrapUp: 0, onBreak: 0)])
        }
        var floor = StaffReport(available: 0, onCall: 0, wrapUp: 0, onBreak: 0)
        for h in handlers(unixNow: unixNow) { Self.count(h.state, in: &floor) }
        // Every queue listed gets a staff line, an empty one too: no member is a figure (0), not unknown.
        return queueOrder.map { perQueue[$0] ?? StaffReport(scope: $0, available: 0, onCall: 0, wrapUp: 0, onBreak: 0) } + [floor]
    }

    /// The `A` records: one per member interface (a handler in three queues is one handler), in its
    /// floor-wide state, with the pause reason, the seconds in that state when known, and its
    /// queue as scope when it is in only one.
    public func handlerReports(unixNow: Double) -> [HandlerReport] {
        handlers(unixNow: unixNow).map { h in
            let seconds = h.member.since(h.state).map { unixNow - $0 }
            return HandlerReport(
                id: h.member.interface, name: h.member.name, state: h.state.handlerState,
                reason: h.state == .onBreak && !h.member.pausedReason.isEmpty ? h.member.pausedReason : nil,
                // A stamp ahead of this clock (Asterisk's clock differs) is unknown, not 0.
                since: seconds.flatMap { $0 >= 0 ? $0 : nil },
                scope: h.queues.count == 1 ? h.queues[0] : nil)
        }
    }

    /// Each member interface once: the membership that gives its floor-wide state
    /// (`AsteriskMemberState.floorPrecedence`) and the queues it is in, in first-heard order.
    private func handlers(unixNow: Double) -> [(member: Member, state: AsteriskMemberState, queues: [String])] {
        var result: [(member: Member, state: AsteriskMemberState, queues: [String])] = []
        var index: [String: Int] = [:]
        let rank = AsteriskMemberState.floorPrecedence
        for key in memberOrder {
            guard let m = members[key] else { continue }
            let state = m.state(unixNow: unixNow)
            if let i = index[m.interface] {
                result[i].queues.append(m.queue)
                if rank.firstIndex(of: state)! < rank.firstIndex(of: result[i].state)! {
                    (result[i].member, result[i].state) = (m, state)
                }
            } else {
                index[m.interface] = result.count
                result.append((m, state, [m.queue]))
            }
        }
        return result
    }

    private static func count(_ state: AsteriskMemberState, in s: inout StaffReport) {
        switch state {
        case .available: s.available += 1
        case .oncall: s.onCall += 1
        case .wrap: s.wrapUp += 1
        case .onBreak: s.onBreak += 1
        case .other: s.other += 1
        case .offline: break
        }
    }
}
