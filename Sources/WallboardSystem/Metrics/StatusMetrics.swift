import WallboardCore

/// The agent's status as Prometheus metrics, all named `wallboard_…`: what the wall shows, the
/// board's own health and the computer's. Pure: the same `AgentStatus` that `wallboardctl status
/// --json` prints, plus what sysfs said, in; families out. Alert rules in
/// Deploy/prometheus/wallboard-rules.yml match these names, and README "Monitoring" lists them.
///
/// State-like facts are state sets (one sample per possible state, 1 for the current one), so a
/// rule can say `wallboard_feed_state{state="lost"} == 1` and a missing series never hides a state.
public enum StatusMetrics {
    public static func text(_ status: AgentStatus, host: HostHealth) -> String {
        PrometheusText.render(families(status, host: host))
    }

    public static func families(_ s: AgentStatus, host: HostHealth) -> [MetricFamily] {
        feed(s) + queues(s) + incidents(s) + board(s) + datagrams(s) + self.host(host)
    }

    // MARK: what the wall shows

    static func feed(_ s: AgentStatus) -> [MetricFamily] {
        var out = [
            MetricFamily(
                "wallboard_feed_state", .gauge,
                help: "The feed as the wall shows it: 1 for the current state (ok, partial, stale, lost = FEED LOST).",
                samples: BoardSummary.FeedState.allCases.map { MetricSample($0 == s.board.feed ? 1 : 0, ["state": $0.rawValue]) }),
            MetricFamily(
                "wallboard_feed_last_datagram_age_seconds", .gauge,
                help: "Seconds since the last accepted datagram (absent before the first one).",
                samples: s.board.lastDatagramSecondsAgo.map { [MetricSample($0)] } ?? []),
        ]
        out.append(MetricFamily(
            "wallboard_feed_publisher", .gauge, help: "The publisher whose data the board shows (value always 1).",
            samples: s.board.publisher.map { [MetricSample(1, ["publisher": $0])] } ?? []))
        out.append(MetricFamily(
            "wallboard_banner_shown", .gauge, help: "1 while a supervisor's banner message is on the wall.",
            value: s.banner == nil ? 0 : 1))
        return out
    }

    static func queues(_ s: AgentStatus) -> [MetricFamily] {
        [
            MetricFamily(
                "wallboard_queue_state", .gauge,
                help: "Each tile's alarm state as the wall shows it: 1 for the current state (ok, warning, breach, stale).",
                samples: s.board.queues.flatMap { q in
                    BoardSummary.QueueState.allCases.map { MetricSample($0 == q.state ? 1 : 0, ["queue": q.id, "state": $0.rawValue]) }
                }),
            MetricFamily(
                "wallboard_queue_calls_waiting", .gauge, help: "Calls waiting per queue (absent while the queue is stale).",
                samples: s.board.queues.compactMap { q in q.waiting.map { MetricSample(Double($0), ["queue": q.id]) } }),
            MetricFamily(
                "wallboard_queue_longest_wait_seconds", .gauge,
                help: "Age of the oldest call still waiting per queue, as ticking on the wall (absent while stale).",
                samples: s.board.queues.compactMap { q in q.longestWaitSeconds.map { MetricSample($0, ["queue": q.id]) } }),
        ]
    }

    /// The incident tiles, as the queues': a state set and the figures (absent while stale), by
    /// `grade` and `area` so a rule can select either.
    static func incidents(_ s: AgentStatus) -> [MetricFamily] {
        func labels(_ i: BoardSummary.Incident) -> [MetricSample.Label] { [.init("grade", i.grade), .init("area", i.area)] }
        func gauge(_ name: String, _ help: String, _ value: (BoardSummary.Incident) -> Double?) -> MetricFamily {
            MetricFamily(name, .gauge, help: help, samples: s.board.incidents.compactMap { i in value(i).map { MetricSample($0, labels: labels(i)) } })
        }
        return [
            MetricFamily(
                "wallboard_incident_state", .gauge,
                help: "Each incident tile's alarm state as the wall shows it: 1 for the current state (ok, warning, breach, stale).",
                samples: s.board.incidents.flatMap { i in
                    BoardSummary.QueueState.allCases.map { MetricSample($0 == i.state ? 1 : 0, labels: labels(i) + [.init("state", $0.rawValue)]) }
                }),
            gauge("wallboard_incident_open", "Incidents open per grade and area (absent while stale).") { $0.open.map(Double.init) },
            gauge("wallboard_incident_unresourced", "Open incidents no unit has been assigned to (absent while stale).") {
                $0.unresourced.map(Double.init)
            },
            gauge(
                "wallboard_incident_oldest_unresourced_seconds",
                "Age of the oldest unresourced incident, as ticking on the wall; 0 when none (absent while stale)."
            ) { $0.oldestUnresourcedSeconds },
        ]
    }

    // MARK: the board's own health

    static func board(_ s: AgentStatus) -> [MetricFamily] {
        [
            MetricFamily("wallboard_frames_drawn_total", .counter, help: "Frames presented since start.", value: Double(s.framesDrawn)),
            MetricFamily(
                "wallboard_last_frame_timestamp_seconds", .gauge,
                help: "Unix time of the last frame presented; an old value means a frozen board.",
                samples: s.lastFrameAt.map { [MetricSample($0)] } ?? []),
            MetricFamily(
                "wallboard_display_connected", .gauge, help: "1 when the screen is connected (DRM hot-plug), per head.",
                samples: s.heads.enumerated().map { i, h in MetricSample(h.connected ? 1 : 0, labels: labels(head: i, h)) }),
            MetricFamily(
                "wallboard_display_mode", .gauge, help: "The picture size drawn per head (value always 1).",
                samples: s.heads.enumerated().map { i, h in
                    MetricSample(1, labels: labels(head: i, h) + [.init("mode", h.mode), .init("display", h.name)])
                }),
            MetricFamily(
                "wallboard_config_reloads_total", .counter, help: "Config reloads since start, by result (failed: the file was refused).",
                samples: [MetricSample(Double(s.reloads.ok), ["result": "ok"]), MetricSample(Double(s.reloads.failed), ["result": "failed"])]),
            MetricFamily("wallboard_uptime_seconds", .gauge, help: "Seconds since the agent started.", value: s.uptimeSeconds),
            MetricFamily(
                "wallboard_build_info", .gauge, help: "The agent's version (value always 1).",
                samples: [MetricSample(1, ["version": s.version])]),
        ]
    }

    private static func labels(head: Int, _ h: AgentStatus.Head) -> [MetricSample.Label] {
        [.init("head", "\(head)"), .init("connector", h.connector ?? "")]
    }

    static func datagrams(_ s: AgentStatus) -> [MetricFamily] {
        let d = s.datagrams
        // Every known reason is always present (0 until it happens), so rate() works from the start.
        var reasons = Set(FeedError.Reason.allCases.map(\.rawValue))
        reasons.formUnion(d.rejected.keys)
        var samples = [
            MetricSample(Double(d.applied), ["result": "applied", "reason": ""]),
            MetricSample(Double(d.standby), ["result": "standby", "reason": ""]),
        ]
        samples += reasons.sorted().map { MetricSample(Double(d.rejected[$0, default: 0]), ["result": "rejected", "reason": $0]) }
        return [
            MetricFamily(
                "wallboard_datagrams_total", .counter,
                help: "Feed datagrams since start by result: applied, standby (A/B; both accepted), or rejected with its reason.",
                samples: samples),
            MetricFamily(
                "wallboard_receive_buffer_drops_total", .counter,
                help: "Datagrams the kernel dropped because the socket's receive buffer was full.",
                value: Double(d.receiveBufferDrops)),
        ]
    }

    // MARK: the computer

    static func host(_ h: HostHealth) -> [MetricFamily] {
        [
            MetricFamily(
                "wallboard_soc_temperature_celsius", .gauge, help: "Temperature per thermal zone (/sys/class/thermal).",
                samples: h.thermalZones.map { MetricSample($0.celsius, ["zone": $0.zone, "type": $0.type]) }),
            MetricFamily(
                "wallboard_throttled", .gauge,
                help: "1 when the firmware reports the condition (under_voltage, frequency_capped, throttled, soft_temperature_limit), now or since boot.",
                samples: h.throttles.map { MetricSample($0.active ? 1 : 0, ["condition": $0.condition, "period": $0.period]) }),
        ]
    }
}
