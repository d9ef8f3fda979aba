/// One manager connection's conversation with Asterisk, as pure logic: bytes and times in, what to
/// send, log and publish out (`wallboard-publish asterisk` does only the socket and the clock).
///
/// banner → `Login` → every interval `QueueSummary` + `QueueStatus` (each with its own ActionID;
/// an answer is a `Response` then its events up to `EventList: Complete`), member events
/// (`QueueMemberStatus`, `QueueMemberPause`, `QueueMemberAdded`/`Removed`) applied as they come.
/// A poll is published only when both of its lists are complete, so a half-received answer
/// never reaches a board; anything that stops the conversation is a `.disconnect` with why.
public struct AsteriskSession: Sendable {
    public enum Effect: Sendable, Equatable {
        case send(AMIMessage)
        case log(String)
        /// A complete poll: publish the floor now.
        case publish
        /// Close the connection (and reconnect after the back-off): the reason, for the log.
        case disconnect(String)
    }

    private enum Phase: Sendable {
        case awaitingBanner
        case loggingIn(actionID: String)
        case ready
    }

    private struct Poll: Sendable {
        var summaryID: String
        var statusID: String
        var summaryDone = false
        var statusDone = false
        var sentAt: Double
    }

    public let user: String
    private let secret: String
    public let interval: Double
    /// How long Asterisk may take to greet, answer the login or finish a poll's lists.
    public let answerTimeout: Double

    public private(set) var floor = AsteriskFloor()
    private var framer = AMIFramer()
    private var phase = Phase.awaitingBanner
    private var waitingSince = 0.0
    private var poll: Poll?
    private var nextPollAt = 0.0
    /// ActionIDs count up over the process's life, so an answer from an earlier connection or an
    /// abandoned poll can never be taken for the current one.
    private var nextActionNumber = 1

    public init(user: String, secret: String, interval: Double, answerTimeout: Double? = nil) {
        self.user = user
        self.secret = secret
        self.interval = interval
        self.answerTimeout = answerTimeout ?? max(10, 3 * interval)
    }

    public var malformedCount: Int { framer.malformedCount }
    public var isLoggedIn: Bool { if case .ready = phase { true } else { false } }

    /// A fresh TCP connection: wait for the banner.
    public mutating func connected(now: Double) {
        framer.reset()
        phase = .awaitingBanner
        waitingSince = now
        poll = nil
    }

    /// The connection ended: true if it had logged in (the back-off starts again from its least).
    public mutating func disconnected() -> Bool {
        defer {
            phase = .awaitingBanner
            poll = nil
        }
        return isLoggedIn
    }

    /// Bytes read from the connection.
    public mutating func receive(_ bytes: [UInt8], now: Double, unixNow: Double) -> [Effect] {
        var effects: [Effect] = []
        for output in framer.feed(bytes) {
            switch output {
            case .banner(let text): effects += banner(text, now: now)
            case .malformed(let why):
                effects.append(.log("skipped a malformed AMI message (\(framer.malformedCount) so far): \(why)"))
            case .message(let m): effects += message(m, now: now, unixNow: unixNow)
            }
            if effects.contains(where: { if case .disconnect = $0 { true } else { false } }) { break }
        }
        return effects
    }

    /// The clock moved: start a poll when one is due, give up on an answer that is overdue.
    public mutating func tick(now: Double) -> [Effect] {
        switch phase {
        case .awaitingBanner where now - waitingSince > answerTimeout:
            return [.disconnect("no Asterisk Call Manager banner within \(seconds(answerTimeout))")]
        case .loggingIn where now - waitingSince > answerTimeout:
            return [.disconnect("no answer to Login within \(seconds(answerTimeout))")]
        case .ready:
            if let poll {
                if now - poll.sentAt > answerTimeout {
                    let missing = [poll.summaryDone ? nil : "QueueSummary", poll.statusDone ? nil : "QueueStatus"]
                        .compactMap { $0 }.joined(separator: " and ")
                    return [.disconnect("no complete answer to \(missing) within \(seconds(answerTimeout))")]
                }
                return []
            }
            guard now >= nextPollAt else { return [] }
            let p = Poll(summaryID: takeActionID(), statusID: takeActionID(), sentAt: now)
            poll = p
            floor.beginPoll()
            return [
                .send(AMIMessage([("Action", "QueueSummary"), ("ActionID", p.summaryID)])),
                .send(AMIMessage([("Action", "QueueStatus"), ("ActionID", p.statusID)])),
            ]
        default:
            return []
        }
    }

    /// When `tick` next has something to do (a poll due or an answer overdue).
    public func nextDeadline() -> Double {
        switch phase {
        case .awaitingBanner, .loggingIn: waitingSince + answerTimeout
        case .ready: poll.map { $0.sentAt + answerTimeout } ?? nextPollAt
        }
    }

    private mutating func banner(_ text: String, now: Double) -> [Effect] {
        guard case .awaitingBanner = phase else { return [] }
        guard text.hasPrefix("Asterisk Call Manager/") else {
            return [.disconnect("not an Asterisk manager interface: it greeted with '\(text.prefix(60))'")]
        }
        let id = takeActionID()
        phase = .loggingIn(actionID: id)
        waitingSince = now
        // Events: agent is the class of the queue member events; nothing else is needed.
        return [
            .log("connected: \(text)"),
            .send(AMIMessage([("Action", "Login"), ("ActionID", id), ("Username", user), ("Secret", secret), ("Events", "agent")])),
        ]
    }

    private mutating func message(_ m: AMIMessage, now: Double, unixNow: Double) -> [Effect] {
        switch phase {
        case .awaitingBanner:
            return [.disconnect("not an Asterisk manager interface: no banner before its first message")]
        case .loggingIn(let id):
            guard m.actionID == id, let response = m.response else { return [] }
            guard response == "Success" else {
                return [.disconnect("login as '\(user)' refused: \(m["Message"] ?? response)")]
            }
            phase = .ready
            nextPollAt = now
            return [.log("logged in as '\(user)'")]
        case .ready:
            return answer(m, now: now, unixNow: unixNow)
        }
    }

    private mutating func answer(_ m: AMIMessage, now: Double, unixNow: Double) -> [Effect] {
        guard var p = poll, let id = m.actionID, id == p.summaryID || id == p.statusID else {
            // Not part of the poll: a member event (or a late answer to an abandoned poll, whose
            // ActionID is no longer current and whose lists are not applied).
            if m.actionID == nil, let problem = floor.apply(m, now: now, unixNow: unixNow) {
                return [.log("skipped an AMI event: \(problem)")]
            }
            return []
        }
        let action = id == p.summaryID ? "QueueSummary" : "QueueStatus"
        if let response = m.response {
            guard response == "Success" else {
                return [.disconnect("\(action) refused: \(m["Message"] ?? response)")]
            }
            return []
        }
        if m["EventList"]?.lowercased() == "complete" {
            if id == p.summaryID { p.summaryDone = true } else { p.statusDone = true }
            poll = p
            guard p.summaryDone && p.statusDone else { return [] }
            floor.finishPoll(unixNow: unixNow)
            poll = nil
            // Keep the cadence of the interval; a slow answer does not push every later poll back.
            nextPollAt = max(p.sentAt + interval, now)
            return [.publish]
        }
        if let problem = floor.apply(m, now: now, unixNow: unixNow) {
            return [.log("skipped an AMI event: \(problem)")]
        }
        return []
    }

    private mutating func takeActionID() -> String {
        defer { nextActionNumber += 1 }
        return "wallboard-\(nextActionNumber)"
    }

    private func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
