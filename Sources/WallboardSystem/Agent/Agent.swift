#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import WallboardCore
import WallboardRender

/// The running agent: one serial Dispatch queue is the whole event loop. Feed datagrams, the 1 Hz
/// tick, coalesced frames, control requests, signals and the watchdog all run on it, one at a time,
/// so nothing here needs a lock, and at rest the process sleeps in epoll.
///
/// The compiler checks that rule: Agent is not Sendable, so no handler can capture it. Every handler
/// reaches it through `confined` (a `LoopConfined`, Sendable because each access traps off the
/// loop), and every source is made by the `EventLoop`, whose handlers assert they run on it.
public final class Agent {
    public let options: AgentOptions
    let loop = EventLoop(label: "wallboard.agent")
    var queue: DispatchQueue { loop.queue }
    let clock = SystemClock()
    let logger: Logger
    let notifier: SystemdNotifier
    /// When main() began (before the config was read), for uptime and start → first frame.
    let startedAt: MonotonicSeconds
    let signals: SignalHandler

    /// The config in force is the engine's (`pipeline.config`), held once.
    var config: WallboardConfig { pipeline.config }
    var pipeline: BoardPipeline
    /// One display per head; head 0 always exists (a second only with two DRM connectors).
    var displays: [Display]
    var display: Display { displays[0] }
    var displayReason: String
    /// Why a configured second screen is not driven (logged at start), nil when it is or none is configured.
    var secondHeadProblem: String?
    var feed: FeedInput?
    var control: ControlServer?
    /// The audible alarm's edge (aplay); the engine's `AlarmBell` decides when it sounds.
    lazy var player = AlarmPlayer(queue: queue, logger: logger)
    var scheduler: FrameScheduler
    var statistics = FrameStatistics()
    /// Wall-clock time of the last presented frame, so a frozen board shows in the metrics.
    var lastFrameAt: Double?
    /// Per head: false while its monitor is unplugged (from the display's hot-plug events).
    var headConnected: [Bool]
    var reloads = AgentStatus.Reloads()
    var banner: Banner?
    var readySent = false
    /// The config file as last loaded, to notice edits on the tick.
    var configFileStamp: ConfigFileStamp?
    /// The `[display] on` schedule's decision and the panels' power (AgentScreenPower.swift).
    var power: AgentPower

    private var tickTimer: DispatchSourceTimer?
    private var watchdogTimer: DispatchSourceTimer?
    private var frameTimer: DispatchSourceTimer?
    private var displaySources: [DispatchSourceProtocol] = []
    private var pulseTimer: DispatchSourceTimer?
    var metricsTimer: DispatchSourceTimer?
    var healthTimer: DispatchSourceTimer?
    /// The last SoC temperature and throttling reading (the health line and the metrics file share it).
    var lastHostHealth: HostHealth?
    private var fileLog: FileLogSink?
    /// Frames per second of the red-tile pulse (only while a tile is red and red_pulse is on).
    static let pulseHz = 10.0

    /// The agent as the loop's handlers reach it. Holding it makes a cycle on purpose: the agent
    /// lives until the process exits (`run()` never returns).
    private(set) lazy var confined = LoopConfined(self, on: loop)

    /// A handler for the loop that runs `body` on this agent, after the confinement check.
    func onLoop(_ body: @escaping @Sendable (Agent) -> Void) -> @Sendable () -> Void {
        let confined = confined
        return { body(confined.object) }
    }

    /// Loads the config (a bad file is an error here: at start there is no old config to keep),
    /// opens the display and builds the pipeline. Nothing runs until `run()`.
    public init(
        options: AgentOptions, logger: Logger, notifier: SystemdNotifier = SystemdNotifier(), launchedAt: MonotonicSeconds
    ) throws {
        self.options = options
        self.logger = logger
        self.notifier = notifier
        startedAt = launchedAt
        signals = SignalHandler(loop: loop)
        let config = try options.configPath.map { path throws in try ConfigFile.load(path) } ?? WallboardConfig()
        let keys = try FeedKeys.load(config.feed)
        let opened = try AgentDisplay.openHeads(config: config, options: options)
        displays = opened.displays
        displayReason = opened.reason
        secondHeadProblem = opened.secondHeadProblem
        headConnected = opened.displays.map { _ in true }
        power = AgentPower(heads: opened.displays.count)
        do {
            pipeline = try BoardPipeline(
                config: config, keys: keys, sizes: opened.displays.map { ($0.width, $0.height) }, now: startedAt)
        } catch {
            // No board to draw (no font): give the screens back before the error ends the process.
            for display in opened.displays.reversed() { display.close() }
            throw error
        }
        scheduler = FrameScheduler(refreshHz: opened.displays[0].maximumFrameRate)
        configFileStamp = options.configPath.flatMap { ConfigFileStamp(path: $0) }
    }

    /// Starts every source on the queue and never returns (the process ends in `shutdown`).
    public func run() -> Never {
        loop.async(onLoop { $0.start() })
        dispatchMain()
    }

    private func start() {
        // A control client that disconnects mid-answer must not kill the agent.
        signal(SIGPIPE, SIG_IGN)
        logger.notice("wallboard \(WallboardVersion.string) starting: config \(options.configPath ?? "built-in defaults")")
        logger.notice("display: \(display.name) (\(displayReason))")
        if let console = display.consoleLogLine {
            logger.log(console.priority, console.text)
        }
        for (i, head) in displays.enumerated().dropFirst() {
            logger.notice("display: head \(i): \(head.name)")
        }
        if let secondHeadProblem {
            logger.warning("display: second screen not driven, running on one screen showing every queue: \(secondHeadProblem)")
        }
        if display.drawsOnTerminal && isatty(2) == 1 {
            // Log lines would scroll the picture away: while the terminal shows the board they go to a file.
            let path = "/tmp/wallboard-\(getuid()).log"
            if let sink = FileLogSink(path: path) {
                logger.notice("logging to \(path) while the board is drawn in this terminal (Ctrl-C to stop)")
                logger.redirect(to: sink.write)
                fileLog = sink
            }
        }
        signals.on(SIGHUP, onLoop { $0.reload(reason: "SIGHUP") })
        signals.on(SIGTERM, onLoop { $0.shutdown(signal: "SIGTERM") })
        signals.on(SIGINT, onLoop { $0.shutdown(signal: "SIGINT") })
        startControl()
        startFeed()
        watchDisplayEvents()
        updateByLocalTime(now: clock.now())
        startTick()
        startWatchdog()
        startMetrics()
        startHealth()
        requestFrame()
    }

    // MARK: the 1 Hz tick

    /// Fires just after each wall-clock second turns, so the header clock changes on time; each
    /// tick advances clocks and staleness, and asks for a frame only if the scene changed.
    private func startTick() {
        let timer = loop.timer(onLoop { $0.tick() })
        timer.schedule(deadline: .now() + AgentTick.delayToNextSecond(), repeating: 1.0, leeway: .milliseconds(20))
        timer.resume()
        tickTimer = timer
    }

    private func tick() {
        let now = clock.now()
        if let banner, let until = banner.until, now >= until {
            logger.notice("banner expired: \"\(banner.text)\"")
            self.banner = nil
        }
        feed?.tick(now: now)
        if let feed { pipeline.engine.countKernelDrops(total: feed.receiveBufferOverflows, now: now) }
        pipeline.engine.tick(now: now)
        updateByLocalTime(now: now)
        checkConfigFile()
        logger.flush(now: now)
        requestFrame()
    }

    /// A saved edit is picked up within a second, validated like SIGHUP.
    private func checkConfigFile() {
        guard let path = options.configPath else { return }
        let stamp = ConfigFileStamp(path: path)
        guard let stamp, stamp != configFileStamp else { return }
        configFileStamp = stamp
        reload(reason: "\(path) changed")
    }

    // MARK: the feed

    private func startFeed() {
        let now = clock.now()
        do {
            let input: FeedInput
            if options.simulate {
                // Signed with the board's own first key, so a keyed board accepts its simulator.
                input = SimulatedFeed(
                    seed: options.simulatorSeed, wallTime: SystemClock.wallTime(),
                    wallMilliseconds: UInt64(max(0, SystemClock.unixTime() * 1000)), now: now, key: pipeline.engine.intake.decoder.keys.first)
            } else {
                input = MulticastFeed(config: config.feed, queue: queue, logger: logger, clock: clock)
            }
            pipeline.engine.listening = input.listening
            let confined = confined
            try input.start { datagram in confined.object.receive(datagram) }
            feed = input
            logger.notice("feed: \(input.source)")
        } catch {
            // No feed is a board that says so (FEED LOST after lost_after), not a dead agent.
            logger.error("feed: cannot listen: \(error)")
        }
    }

    /// The rate-limited log line's key per reason, made once: not a string built per refused datagram.
    private static let rejectionLogKeys = Dictionary(
        uniqueKeysWithValues: FeedError.Reason.allCases.map { ($0, "feed: rejected (\($0.rawValue))") })

    /// Every datagram, network or simulated, goes through the engine. A frame is asked for when the
    /// board changed, or when rejections start (the footer turns amber at once; while they go on,
    /// the 1 Hz tick updates the count, so a flood of garbage costs no frames).
    private func receive(_ datagram: MulticastReceiver.Datagram) {
        let now = datagram.receivedAt
        let wasRejecting = pipeline.engine.intake.counters.lastRejectedAt.map { now - $0 <= pipeline.engine.rejectionsRecentFor } ?? false
        switch pipeline.engine.receive(bytes: datagram.bytes, from: datagram.sender, now: now) {
        case .apply:
            requestFrame()
        case .standby:
            break
        case .rejected(let error):
            logger.count(
                .warning, key: Self.rejectionLogKeys[error.reason]!, now: now,
                message: "feed: rejected a datagram from \(datagram.sender): \(error)")
            if !wasRejecting { requestFrame() }
        }
    }

    // MARK: frames

    /// Something may have changed: draw at the next allowed moment (at most once per refresh).
    func requestFrame() {
        guard let delay = scheduler.request(now: clock.now()) else { return }
        if delay <= 0 {
            loop.async(onLoop { $0.drawFrame() })
            return
        }
        let timer = frameTimer ?? {
            let timer = loop.timer(onLoop { $0.drawFrame() })
            timer.resume()
            frameTimer = timer
            return timer
        }()
        timer.schedule(deadline: .now() + delay, repeating: .never, leeway: .milliseconds(2))
    }

    private func drawFrame() {
        let now = clock.now()
        scheduler.drew(now: now)
        if !power.decision.isOn {
            // Off by schedule: nothing is painted (no CPU spent on a dark panel).
            presentScreenOff()
            if !readySent { markReady() }
            return
        }
        let scene = pipeline.scene(now: now, wallTime: SystemClock.wallTime(), banner: banner?.text)
        if pipeline.engine.soundDue(now: now) { player.play(config.alarm) }
        // Nothing changed on a head (not even a clock digit): no paint, no present there.
        var presented = false
        for (i, head) in displays.enumerated() {
            guard let damage = pipeline.paint(scene, head: i, now: now) else { continue }
            do {
                try head.present(pipeline.heads[i].canvas, damage: damage)
                presented = true
            } catch {
                logger.count(.error, key: "display present failed", now: now, message: "display present failed: \(error)")
            }
        }
        turnPanelsOnIfOff()
        guard presented else { return }
        let elapsed = (clock.now() - now) * 1000
        statistics.record(milliseconds: elapsed)
        lastFrameAt = SystemClock.unixTime()
        if scene.pulse != 0 { schedulePulseFrame() }
        if !readySent { markReady() }
    }

    /// The first frame is out (or the screen is off by schedule): systemd hears READY=1.
    private func markReady() {
        readySent = true
        statistics.firstFrameMilliseconds = (clock.now() - startedAt) * 1000
        logger.notice("first frame presented (\(Int(statistics.firstFrameMilliseconds ?? 0)) ms after start)")
        notifier.ready(status: statusLine())
    }

    /// While a tile is red the pulse needs a few frames a second; otherwise the loop sleeps.
    private func schedulePulseFrame() {
        let timer = pulseTimer ?? {
            let timer = loop.timer(onLoop { $0.requestFrame() })
            timer.resume()
            pulseTimer = timer
            return timer
        }()
        timer.schedule(deadline: .now() + 1 / Agent.pulseHz, repeating: .never, leeway: .milliseconds(10))
    }

    /// One line for systemd's STATUS= (shown by `systemctl status wallboard`).
    func statusLine() -> String {
        let publisher = pipeline.engine.intake.activePublisher.map { "following \($0)" } ?? "no publisher yet"
        return "drawing to \(displays.map(\.name).joined(separator: " + ")); feed: \(feed?.listening ?? "none"), \(publisher)"
    }

    // MARK: display events (DRM page flips, hot-plug)

    /// Each descriptor is watched once: heads on one DRM card share its descriptors (one read routes
    /// every head's page-flip completion by CRTC), and every head sharing it then looks at what came.
    private func watchDisplayEvents() {
        var headsByDescriptor: [Int32: [Int]] = [:]
        for (head, display) in displays.enumerated() {
            for fd in display.eventFileDescriptors { headsByDescriptor[fd, default: []].append(head) }
            guard let interval = display.checkInterval else { continue }
            let timer = loop.timer(onLoop { agent in agent.handle(Result { try agent.displays[head].periodicCheck() }, head: head) })
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(200))
            timer.resume()
            displaySources.append(timer)
        }
        for (fd, heads) in headsByDescriptor.sorted(by: { $0.key < $1.key }) {
            let source = loop.whenReadable(fd, onLoop { agent in
                for head in heads { agent.handle(Result { try agent.displays[head].handleEvents() }, head: head) }
            })
            displaySources.append(source)
        }
    }

    private func handle(_ change: Result<DisplayChange, Error>, head: Int) {
        let display = displays[head]
        switch change {
        case .success(.none): return
        case .success(.redrawn):
            headConnected[head] = true
        case .success(.disconnected):
            headConnected[head] = false
            logger.warning("display: \(display.name): monitor disconnected; frames are kept until it returns")
        case .success(.resized):
            headConnected[head] = true
            logger.notice("display: mode changed to \(display.width)x\(display.height); laying out again")
            pipeline.resize(head: head, width: display.width, height: display.height)
            requestFrame()
        case .failure(let error):
            logger.count(.error, key: "display event failed", now: clock.now(), message: "display event failed: \(error)")
        }
    }

    // MARK: watchdog

    /// WATCHDOG=1 from a timer on the event loop itself: if the loop hangs, the pings stop and systemd
    /// restarts the agent.
    private func startWatchdog() {
        guard let interval = notifier.watchdogInterval else { return }
        let timer = loop.timer(onLoop { $0.notifier.watchdog() })
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        timer.resume()
        watchdogTimer = timer
        logger.info("watchdog: pinging systemd every \(interval) s")
    }

    // MARK: shutdown

    /// Clean exit: the control socket is removed, the display given back (console restored), exit 0.
    func shutdown(signal name: String) -> Never {
        logger.notice("\(name): shutting down")
        notifier.stopping()
        control?.stop()
        feed?.stop()
        for display in displays.reversed() { display.close() }
        exit(0)
    }
}

/// The supervisor's banner and when it clears itself (monotonic; nil = until cleared).
struct Banner {
    var text: String
    var until: MonotonicSeconds?
}
