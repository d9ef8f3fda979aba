/// A deterministic, event-driven simulation of a police contact-centre floor: Poisson arrivals
/// that follow the time of day, talk and wrap-up times, callers who hang up when their patience
/// runs out, and a roster of shifts with briefings and staggered breaks. Pure: no I/O, no clock,
/// no system randomness; time moves only when the caller says so, and the same seed always plays
/// the same floor.
///
/// Time: the simulation's clock runs from midnight of "day 0" (seconds); `startSecondsOfDay` is
/// where `advance(to: 0)` lands. The floor is played from 20:00 the evening before up to the start
/// at construction, so the counters since midnight, the queues and the breaks already look like a
/// floor in mid-shift rather than an empty room that just opened.
public struct FloorSimulator: Sendable {
    public let configuration: FloorConfiguration
    public let startSecondsOfDay: Double

    /// Simulation time, seconds since midnight of day 0.
    public private(set) var time: Double
    private var random: SimulationRandom
    private var events = EventHeap()
    private var nextOrder: UInt64 = 0
    private var nextCallID: UInt64 = 0
    private var lines: [WaitingLine]
    private var counters: [QueueCounters]
    private var handlers: [SimulatedHandler] = []
    private var availableInTeam: [Int]
    /// Per team: its skills as queue indices, own queue first.
    private let teamSkills: [[Int]]
    /// Per team and queue (team × queue count + queue): the skill's rank in the team's list, or -1.
    private let skillRank: [Int]

    /// How far before midnight of day 0 the warm-up starts.
    private static let warmUpSeconds = 4.0 * 3600

    public init(seed: UInt64, startSecondsOfDay: Double) {
        self.init(seed: seed, startSecondsOfDay: startSecondsOfDay, configuration: .ukPoliceControlRoom)
    }

    public init(seed: UInt64, startSecondsOfDay: Double, configuration: FloorConfiguration) {
        self.configuration = configuration
        let start = startSecondsOfDay.isFinite ? startSecondsOfDay : 0
        self.startSecondsOfDay = (start.truncatingRemainder(dividingBy: 86_400) + 86_400)
            .truncatingRemainder(dividingBy: 86_400)
        random = SimulationRandom(seed: seed)
        time = -Self.warmUpSeconds
        lines = Array(repeating: WaitingLine(), count: configuration.queues.count)
        counters = Array(repeating: QueueCounters(), count: configuration.queues.count)
        availableInTeam = Array(repeating: 0, count: configuration.teams.count)

        let queueIndex = Dictionary(
            configuration.queues.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var teamSkills: [[Int]] = []
        var skillRank = Array(repeating: -1, count: configuration.teams.count * configuration.queues.count)
        for (t, team) in configuration.teams.enumerated() {
            var skills: [Int] = []
            for q in team.skills.compactMap({ queueIndex[$0] }) where !skills.contains(q) {
                skillRank[t * configuration.queues.count + q] = skills.count
                skills.append(q)
            }
            teamSkills.append(skills)
            for shift in team.shifts where shift.lengthSeconds > 0 {
                for _ in 0..<max(shift.handlers, 0) {
                    handlers.append(SimulatedHandler(team: t, shift: shift))
                }
            }
        }
        self.teamSkills = teamSkills
        self.skillRank = skillRank
        for h in handlers.indices { rosterFirstShift(h) }
        for q in configuration.queues.indices { scheduleNextArrival(queue: q, after: time) }
        schedule(at: 0, .midnight)
        run(until: self.startSecondsOfDay)
    }

    public var floorName: String { configuration.floorName }

    /// Time of day now, seconds since midnight.
    public var secondsOfDay: Double {
        (time.truncatingRemainder(dividingBy: 86_400) + 86_400).truncatingRemainder(dividingBy: 86_400)
    }

    /// Seconds since the start (the value last given to `advance`).
    public var secondsSinceStart: Double { time - startSecondsOfDay }

    /// Moves the floor on to `secondsSinceStart` after the start. Time never goes back: an earlier
    /// (or non-finite) value is ignored. Cost is proportional to the events in between (calls,
    /// shift changes), not to the seconds, so a jump of hours is cheap.
    public mutating func advance(to secondsSinceStart: Double) {
        guard secondsSinceStart.isFinite else { return }
        run(until: startSecondsOfDay + secondsSinceStart)
    }

    /// Absolute state now: every queue, then staff floor-wide (scope nil) followed by each team
    /// under its home queue (the per-queue rows add up to the floor-wide one).
    public func reports() -> (queues: [QueueReport], staff: [StaffReport]) {
        let queues = configuration.queues.enumerated().map { q, profile in
            let c = counters[q]
            return QueueReport(
                id: profile.id, name: profile.name, waiting: lines[q].count,
                longestWait: lines[q].oldest.map { max(0, time - $0.arrival) } ?? 0,
                offered: c.offered, answered: c.answered, abandoned: c.abandoned,
                answeredWithinTarget: c.answeredWithinTarget, targetSeconds: profile.targetSeconds,
                averageSpeedOfAnswer: c.averageSpeedOfAnswer, period: configuration.periodLabel,
                extras: profile.silentShare > 0 ? [ExtraFigure(name: "silent", value: Double(c.silent))] : [])
        }
        // Every team's row is always sent, zeros included: a row that vanished overnight would
        // read as "unknown" on the board rather than "nobody on".
        var rows = [StaffReport(scope: nil, available: 0, onCall: 0, wrapUp: 0, onBreak: 0, other: 0)]
        var rowOfTeam: [Int] = []
        for team in configuration.teams {
            if let existing = rows.firstIndex(where: { $0.scope == team.homeQueue }) {
                rowOfTeam.append(existing)  // two teams sharing a home queue share its row
            } else {
                rowOfTeam.append(rows.count)
                rows.append(StaffReport(scope: team.homeQueue, available: 0, onCall: 0, wrapUp: 0, onBreak: 0, other: 0))
            }
        }
        for handler in handlers where handler.isOnShift {
            Self.count(handler.status, into: &rows[0])
            Self.count(handler.status, into: &rows[rowOfTeam[handler.team]])
        }
        return (queues, rows)
    }

    /// One `A` record per handler on shift, named from a fixed list by seat (the same seat keeps its
    /// name), so the board's handler grid is exercised with realistic names, states and reasons.
    public func handlerReports() -> [HandlerReport] {
        handlers.indices.compactMap { h in
            let handler = handlers[h]
            let state: HandlerState, reason: String?
            switch handler.status {
            case .offShift: return nil
            case .available: (state, reason) = (.available, nil)
            case .onCall: (state, reason) = (.onCall, nil)
            case .wrapUp: (state, reason) = (.wrapUp, nil)
            case .onBreak: (state, reason) = (.onBreak, "Meal break")
            case .briefing: (state, reason) = (.notReady, "Briefing")
            case .notReady: (state, reason) = (.notReady, "Admin")
            }
            return HandlerReport(
                id: "h\(h + 1)", name: SimulatedNames.name(seat: h), state: state, reason: reason,
                since: max(0, time - handler.statusSince), scope: configuration.teams[handler.team].homeQueue)
        }
    }

    private static func count(_ status: SimulatedHandler.Status, into report: inout StaffReport) {
        switch status {
        case .available: report.available += 1
        case .onCall: report.onCall += 1
        case .wrapUp: report.wrapUp += 1
        case .onBreak: report.onBreak += 1
        case .briefing, .notReady: report.other += 1
        case .offShift: break
        }
    }

    // MARK: - Event loop

    private mutating func run(until target: Double) {
        guard target > time else { return }
        while let next = events.first, next.time <= target {
            _ = events.pop()
            time = next.time
            handle(next.kind)
        }
        time = target
    }

    private mutating func schedule(at moment: Double, _ kind: SimulationEvent.Kind) {
        // A NaN time would break the heap's ordering for every later event: drop it instead.
        guard moment.isFinite else { return }
        events.push(SimulationEvent(time: moment, order: nextOrder, kind: kind))
        nextOrder &+= 1
    }

    private mutating func handle(_ kind: SimulationEvent.Kind) {
        switch kind {
        case .arrival(let q):
            arrive(queue: q)
            scheduleNextArrival(queue: q, after: time)
        case .abandon(let q, let call):
            if lines[q].remove(id: call) != nil { counters[q].abandoned += 1 }
        case .talkEnd(let h):
            guard case .onCall(let q) = handlers[h].status else { return }
            setStatus(h, .wrapUp(queue: q))
            schedule(at: time + configuration.queues[q].wrapUp.sample(&random), .wrapEnd(handler: h))
        case .wrapEnd(let h):
            guard case .wrapUp = handlers[h].status else { return }
            let team = configuration.teams[handlers[h].team]
            if random.unit() < team.notReadyChance, !handlers[h].shiftOver, handlers[h].breakOwedMinutes == 0 {
                setStatus(h, .notReady)
                schedule(at: time + team.notReady.sample(&random), .notReadyEnd(handler: h, shift: handlers[h].shiftSerial))
            } else {
                becomeFree(h)
            }
        case .notReadyEnd(let h, let shift):
            guard handlers[h].shiftSerial == shift, handlers[h].status == .notReady else { return }
            becomeFree(h)
        case .shiftStart(let h):
            startShift(h, startedAt: time)
        case .briefingEnd(let h, let shift):
            guard handlers[h].shiftSerial == shift, handlers[h].status == .briefing else { return }
            becomeFree(h)
        case .breakDue(let h, let shift, let minutes):
            guard handlers[h].shiftSerial == shift, handlers[h].isOnShift, !handlers[h].shiftOver else { return }
            handlers[h].breakOwedMinutes += minutes
            if handlers[h].status == .available { becomeFree(h) }
        case .breakEnd(let h, let shift):
            guard handlers[h].shiftSerial == shift, handlers[h].status == .onBreak else { return }
            becomeFree(h)
        case .shiftEnd(let h, let shift):
            guard handlers[h].shiftSerial == shift else { return }
            switch handlers[h].status {
            case .onCall, .wrapUp:
                handlers[h].shiftOver = true  // finish the call and its wrap-up first
            default:
                goHome(h)
            }
        case .midnight:
            // The period restarts. Calls still waiting are carried in as offered, so that
            // offered = answered + abandoned + waiting holds at every moment of the period.
            for q in counters.indices {
                counters[q] = QueueCounters()
                counters[q].offered = lines[q].count
            }
            schedule(at: time + 86_400, .midnight)
        }
    }

    // MARK: - Calls

    private mutating func arrive(queue q: Int) {
        counters[q].offered += 1
        let id = nextCallID
        nextCallID &+= 1
        if let h = longestIdleHandler(skilledFor: q) {
            answer(queue: q, arrival: time, by: h)
        } else {
            lines[q].append(id: id, arrival: time)
            schedule(at: time + configuration.queues[q].patience.sample(&random), .abandon(queue: q, call: id))
        }
    }

    /// The idle handler for a new call: one whose own queue it is before one who covers it,
    /// then the longest idle. Cover is only given while the helper's team keeps its reserve.
    private func longestIdleHandler(skilledFor q: Int) -> Int? {
        var best: Int?
        var bestRank = Int.max
        let queueCount = configuration.queues.count
        for h in handlers.indices where handlers[h].isAvailable {
            let rank = skillRank[handlers[h].team * queueCount + q]
            if rank < 0 { continue }
            if rank > 0, availableTeamMates(of: h) < configuration.teams[handlers[h].team].overflowReserve { continue }
            if let b = best, (bestRank, handlers[b].availableSince) <= (rank, handlers[h].availableSince) { continue }
            best = h
            bestRank = rank
        }
        return best
    }

    /// Available members of h's team other than h (kept as a running count per team: this is
    /// asked on every arrival and must not scan the floor).
    private func availableTeamMates(of h: Int) -> Int {
        availableInTeam[handlers[h].team] - (handlers[h].isAvailable ? 1 : 0)
    }

    /// Every status change goes through here, so the per-team available counts stay true.
    private mutating func setStatus(_ h: Int, _ status: SimulatedHandler.Status) {
        let team = handlers[h].team
        if handlers[h].isAvailable { availableInTeam[team] -= 1 }
        if case .available = status { availableInTeam[team] += 1 }
        if handlers[h].status != status { handlers[h].statusSince = time }
        handlers[h].status = status
    }

    private mutating func answer(queue q: Int, arrival: Double, by h: Int) {
        let wait = max(0, time - arrival)
        let profile = configuration.queues[q]
        counters[q].answered += 1
        counters[q].answeredWaitTotal += wait
        if wait <= profile.targetSeconds { counters[q].answeredWithinTarget += 1 }
        if profile.silentShare > 0, random.unit() < profile.silentShare { counters[q].silent += 1 }
        setStatus(h, .onCall(queue: q))
        schedule(at: time + profile.talk.sample(&random), .talkEnd(handler: h))
    }

    /// Poisson arrivals with a rate that follows the time of day, by thinning: candidates at the
    /// day's peak rate, each kept with probability rate(t) ÷ peak (Lewis & Shedler).
    private mutating func scheduleNextArrival(queue q: Int, after moment: Double) {
        let profile = configuration.queues[q]
        let peak = profile.maximumArrivalRate
        guard peak > 0, peak.isFinite else { return }
        var t = moment
        // A day's worth of candidates at most; a profile that is zero all day never gets here.
        for _ in 0..<1_000_000 {
            t += random.exponential(mean: 1 / peak)
            let secondOfDay = (t.truncatingRemainder(dividingBy: 86_400) + 86_400).truncatingRemainder(dividingBy: 86_400)
            if random.unit() * peak < profile.arrivalRate(atSecondOfDay: secondOfDay) {
                schedule(at: t, .arrival(queue: q))
                return
            }
        }
    }

    // MARK: - Handlers

    /// The handler has nothing in hand: go home, take an owed break, or take the most urgent call.
    private mutating func becomeFree(_ h: Int) {
        if handlers[h].shiftOver {
            goHome(h)
            return
        }
        if handlers[h].breakOwedMinutes > 0 {
            setStatus(h, .onBreak)
            schedule(at: time + handlers[h].breakOwedMinutes * 60, .breakEnd(handler: h, shift: handlers[h].shiftSerial))
            handlers[h].breakOwedMinutes = 0
            return
        }
        // The most urgent waiting call among the handler's skills: queue priority, then age.
        let reserve = configuration.teams[handlers[h].team].overflowReserve
        let canCover = reserve <= 0 || availableTeamMates(of: h) >= reserve
        var chosen: (queue: Int, priority: Int, arrival: Double)?
        for (rank, q) in teamSkills[handlers[h].team].enumerated() where rank == 0 || canCover {
            guard let oldest = lines[q].oldest else { continue }
            let priority = configuration.queues[q].priority
            if let c = chosen, (c.priority, -c.arrival) >= (priority, -oldest.arrival) { continue }
            chosen = (q, priority, oldest.arrival)
        }
        if let chosen, let call = lines[chosen.queue].popOldest() {
            answer(queue: chosen.queue, arrival: call.arrival, by: h)
            return
        }
        setStatus(h, .available)
        handlers[h].availableSince = time
    }

    private mutating func goHome(_ h: Int) {
        setStatus(h, .offShift)
        handlers[h].shiftOver = false
        handlers[h].breakOwedMinutes = 0
    }

    /// At construction: seat everyone whose shift is already under way, and book the next start.
    private mutating func rosterFirstShift(_ h: Int) {
        let shift = handlers[h].shift
        // The latest daily start at or before now.
        let days = ((time - shift.startSecondOfDay) / 86_400).rounded(.down)
        let lastStart = shift.startSecondOfDay + days * 86_400
        if time - lastStart < shift.lengthSeconds {
            startShift(h, startedAt: lastStart)
        } else {
            schedule(at: lastStart + 86_400, .shiftStart(handler: h))
        }
    }

    private mutating func startShift(_ h: Int, startedAt start: Double) {
        let team = configuration.teams[handlers[h].team]
        let shift = handlers[h].shift
        handlers[h].shiftSerial += 1
        handlers[h].shiftOver = false
        handlers[h].breakOwedMinutes = 0
        let serial = handlers[h].shiftSerial
        schedule(at: start + 86_400, .shiftStart(handler: h))
        schedule(at: start + shift.lengthSeconds, .shiftEnd(handler: h, shift: serial))
        for rule in team.breaks {
            let due = start + shift.lengthSeconds * (rule.earliest + (rule.latest - rule.earliest) * random.unit())
            if due > time, rule.minutes > 0 {
                schedule(at: due, .breakDue(handler: h, shift: serial, minutes: rule.minutes))
            }
        }
        // Someone still finishing a call from a back-to-back shift carries on with it.
        switch handlers[h].status {
        case .onCall, .wrapUp: return
        default: break
        }
        if time < start + team.briefingSeconds {
            setStatus(h, .briefing)
            schedule(at: start + team.briefingSeconds, .briefingEnd(handler: h, shift: serial))
        } else {
            becomeFree(h)
        }
    }
}
