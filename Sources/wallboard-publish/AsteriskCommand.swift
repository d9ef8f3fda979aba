#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardSystem

/// `asterisk`: the bridge from one Asterisk manager interface to the feed. Holds the connection,
/// the clock and the back-off; what is said and what is published is `AsteriskSession`'s.
/// While there is no logged-in connection nothing is published, so the boards go stale as they
/// should instead of showing the last figures as current.
enum AsteriskCommand {
    static let help = """
        asterisk options:
          --ami HOST[:PORT]  the Asterisk manager interface (default port \(defaultPort))
          --user NAME        the manager user (manager.conf section)
          --secret-file PATH its secret, alone in a file not readable by everyone
          --interval SECS    poll QueueSummary and QueueStatus and publish this often (default 2)
        """

    static let defaultPort: UInt16 = 5038

    static func run(_ a: inout Arguments) throws -> Int32 {
        guard let ami = try a.option("--ami") else { throw UsageError("asterisk: --ami HOST[:PORT] is needed") }
        guard let user = try a.option("--user"), !user.isEmpty else { throw UsageError("asterisk: --user NAME is needed") }
        guard let secretPath = try a.option("--secret-file") else { throw UsageError("asterisk: --secret-file PATH is needed") }
        let options = try PublishOptions.parse(&a)
        try a.finish()
        let address: SocketAddress
        do { address = try SocketAddress(parsing: ami, defaultPort: defaultPort) } catch { throw UsageError("--ami: \(error)") }
        let secret = try AsteriskSecretFile.load(secretPath)

        let sender = try options.makeSender()
        var bridge = AsteriskBridge(
            address: address, sender: sender, publisher: options.makePublisher(),
            session: AsteriskSession(user: user, secret: secret, interval: options.interval))
        bridge.log("publishing to \(sender.destinationDescription) every \(options.interval) s")
        bridge.runForever()
    }
}

/// The running bridge: connect, converse, publish; on any failure log why, wait the back-off, again.
struct AsteriskBridge {
    let address: SocketAddress
    let sender: MulticastSender
    var publisher: FeedPublisher
    var session: AsteriskSession
    var backoff = ReconnectBackoff()
    let clock = SystemClock()
    /// The last publish failure logged, so a lasting one is logged once, not every poll.
    private var lastPublishProblem: String?

    init(address: SocketAddress, sender: MulticastSender, publisher: FeedPublisher, session: AsteriskSession) {
        self.address = address
        self.sender = sender
        self.publisher = publisher
        self.session = session
    }

    func log(_ line: String) {
        CommandLineTool.printError("wallboard-publish: asterisk \(address): \(line)")
    }

    mutating func runForever() -> Never {
        while true {
            let reason: String
            do {
                let connection = try AMIConnection.connect(to: address, timeout: 5)
                reason = converse(connection)
                connection.close()
                if session.disconnected() { backoff.succeeded() }
            } catch {
                reason = "cannot connect: \(error)"
            }
            let wait = backoff.delay()
            log("\(reason); not publishing; reconnecting in \(wait.formatted) s")
            sleepSeconds(wait)
        }
    }

    /// One connection, until it ends: why it ended.
    private mutating func converse(_ connection: AMIConnection) -> String {
        session.connected(now: clock.now())
        while true {
            var effects = session.tick(now: clock.now())
            if effects.isEmpty {
                let read: AMIConnection.Read
                do { read = try connection.read(timeout: session.nextDeadline() - clock.now()) } catch {
                    return "read failed: \(error)"
                }
                switch read {
                case .timedOut: continue
                case .closed: return "Asterisk closed the connection"
                case .bytes(let bytes): effects = session.receive(bytes, now: clock.now(), unixNow: SystemClock.unixTime())
                }
            }
            for effect in effects {
                switch effect {
                case .send(let message):
                    do { try connection.send(message.wireBytes) } catch { return "write failed: \(error)" }
                case .log(let line): log(line)
                case .publish: publish()
                case .disconnect(let why): return why
                }
            }
        }
    }

    /// The floor as it stands now, through the same publisher and sender `send` uses.
    private mutating func publish() {
        let floor = session.floor
        let unixNow = SystemClock.unixTime()
        do {
            for d in try publisher.datagrams(
                queues: floor.queueReports(now: clock.now()), staff: floor.staffReports(unixNow: unixNow),
                handlers: floor.handlerReports(unixNow: unixNow), sentAtMilliseconds: wallMilliseconds())
            {
                try sender.send(d)
            }
            if lastPublishProblem != nil { log("publishing again") }
            lastPublishProblem = nil
        } catch {
            let problem = "\(error)"
            if problem != lastPublishProblem { log("cannot publish: \(problem)") }
            lastPublishProblem = problem
        }
    }
}

extension Double {
    /// "1", "2.5": seconds for a log line.
    var formatted: String { self == rounded() ? "\(Int(self))" : "\(self)" }
}
