/// Turns config text into a `WallboardConfig`, collecting every error with file:line:column.
///
/// Validation is strict on purpose: an unknown key is an error (a typo must never silently leave a
/// 999 threshold at its default), and a file with any error is refused whole, so the running board
/// keeps its last good config.
struct ConfigParser {
    let file: String

    private enum Section: Equatable {
        case feed, display, board, staff, metrics, alarm
        case queue(String)
        /// `[incident "GRADE/AREA"]`: the same draft as a queue, with the incident metrics.
        case incident(String)
        /// An unknown or broken header: its keys are skipped rather than reported one by one.
        case ignored
    }

    /// Parse state of one `[queue "ID"]` section, finished when the next section starts.
    private struct QueueDraft {
        var config: QueueConfig
        var isIncident = false
        var queueDwell: (Double, ConfigLocation)?
        var explicitDwell: Set<Metric> = []
        /// Where each `metric.amber` / `metric.red` was set, for consistency messages.
        var limitLocations: [String: ConfigLocation] = [:]
        /// `metric.amber@night` / `metric.red@night` as written: the limit (nil = off) and where.
        var nightLimits: [Metric: [String: (limit: Double?, at: ConfigLocation)]] = [:]
    }

    /// The `[feed]` keys as written, turned into `FeedConfig.keys` once the file is read: the
    /// single-key form may be written in either order, and ids must not repeat across both forms.
    private struct KeysDraft {
        var keyFile: (path: String, line: Int)?
        var keyID: (id: String, at: ConfigLocation)?
        var keyLines: [(source: FeedKeySource, line: Int, at: ConfigLocation)] = []
    }

    func parse(_ text: String) throws(ConfigErrors) -> WallboardConfig {
        var config = WallboardConfig()
        var errors: [ConfigError] = []
        var section: Section?
        var sectionKeys: [String: Int] = [:]
        var seenSections: [String: Int] = [:]
        var draft: QueueDraft?
        var staffLocations: [String: ConfigLocation] = [:]
        var viewsAt: ConfigLocation?
        var alarmRepeatAt: ConfigLocation?
        var keys = KeysDraft()
        /// The first `…@night` key, to refuse night limits with no `[board] night` saying when.
        var firstNightKey: (key: String, at: ConfigLocation)?

        func location(_ line: Int, _ column: Int) -> ConfigLocation {
            ConfigLocation(file: file, line: line, column: column)
        }
        func finishSection() {
            if let d = draft {
                finish(d, into: &config, errors: &errors)
                draft = nil
            }
            if section == .staff {
                errors += checkOrder("available", config.staff.available, kind: Metric.availableStaff.kind, staffLocations)
                errors += checkOrder("not_ready", config.staff.notReady, kind: .duration, staffLocations)
            }
        }

        for (index, line) in ConfigSyntax.lines(of: text).enumerated() {
            let number = index + 1
            switch ConfigSyntax.parse(line: line, number: number) {
            case .blank, .comment:
                continue
            case .error(let problem, let column):
                errors.append(ConfigError(problem, at: location(number, column)))
            case .section(let header):
                finishSection()
                sectionKeys = [:]
                let at = location(number, header.column)
                let key = header.display
                if let first = seenSections[key] {
                    errors.append(ConfigError(.duplicateSection(key, firstLine: first), at: at))
                    section = .ignored
                    continue
                }
                seenSections[key] = number
                switch (header.name, header.argument) {
                case ("feed", nil): section = .feed
                case ("display", nil): section = .display
                case ("board", nil): section = .board
                case ("staff", nil): section = .staff
                case ("metrics", nil): section = .metrics
                case ("alarm", nil): section = .alarm
                case ("queue", let id?):
                    if id.trimmingSpaces.isEmpty || id.contains(where: { $0 == "," }) {
                        errors.append(ConfigError(.malformedSection("a queue id must be non-empty and contain no comma"), at: at))
                        section = .ignored
                    } else {
                        section = .queue(id)
                        draft = QueueDraft(config: AlarmDefaults.queue(id))
                    }
                case ("incident", let id?):
                    let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                    if parts.count == 2, parts.allSatisfy(IncidentReport.isToken) {
                        section = .incident(id)
                        draft = QueueDraft(config: QueueConfig(id: id), isIncident: true)
                    } else {
                        errors.append(ConfigError(.malformedSection(
                            "an incident section names a grade and an area, like [incident \"immediate/urban\"]"), at: at))
                        section = .ignored
                    }
                case ("incident", nil):
                    errors.append(ConfigError(
                        .malformedSection("[incident] needs the grade and area, like [incident \"immediate/urban\"]"), at: at))
                    section = .ignored
                case ("queue", nil):
                    errors.append(ConfigError(.malformedSection("[queue] needs the queue id, like [queue \"999\"]"), at: at))
                    section = .ignored
                case (let name, _?) where ConfigKeys.sections.contains(name):
                    errors.append(ConfigError(.malformedSection("[\(name)] takes no id; expected [\(name)]"), at: at))
                    section = .ignored
                case (let name, _):
                    errors.append(ConfigError(
                        .unknownSection(name: name, suggestion: EditDistance.suggestion(for: name, among: ConfigKeys.sections)),
                        at: at))
                    section = .ignored
                }
            case .setting(let setting):
                let keyAt = location(number, setting.keyColumn)
                guard let current = section else {
                    errors.append(ConfigError(.keyOutsideSection(setting.key), at: keyAt))
                    continue
                }
                if current == .ignored { continue }
                // `key = ID PATH` is the one repeatable setting: one line per accepted feed key.
                if let first = sectionKeys[setting.key], !(current == .feed && setting.key == "key") {
                    errors.append(ConfigError(.duplicateKey(key: setting.key, firstLine: first), at: keyAt))
                    continue
                }
                sectionKeys[setting.key] = number
                let valueAt = location(number, setting.valueColumn)
                if current == .display && setting.key == "views" { viewsAt = valueAt }
                if current == .alarm && setting.key == "repeat" { alarmRepeatAt = valueAt }
                let result: ConfigProblem?
                switch current {
                case .feed: result = applyFeed(setting, &config.feed, &keys, at: valueAt)
                case .display: result = applyDisplay(setting, &config.display)
                case .board: result = applyBoard(setting, &config.board)
                case .metrics: result = applyMetrics(setting, &config.metrics)
                case .alarm: result = applyAlarm(setting, &config.alarm)
                case .staff:
                    result = applyStaff(setting, &config.staff)
                    staffLocations[setting.key] = valueAt
                case .queue, .incident:
                    if setting.key.hasSuffix(ThresholdProfile.nightSuffix), firstNightKey == nil { firstNightKey = (setting.key, keyAt) }
                    if var d = draft {
                        result = applyQueue(setting, &d, at: valueAt)
                        draft = d
                    } else {
                        result = nil
                    }
                case .ignored: result = nil
                }
                if let problem = result {
                    if case .unknownKey = problem {
                        errors.append(ConfigError(problem, at: keyAt))
                    } else {
                        errors.append(ConfigError(problem, at: valueAt))
                    }
                }
            }
        }
        finishSection()
        if let viewsAt, let problem = HeadViews.check(config.display) {
            errors.append(ConfigError(problem, at: viewsAt))
        }
        errors += finish(keys, into: &config.feed)
        if let (key, at) = firstNightKey, config.board.night == nil {
            errors.append(ConfigError(.inconsistent(
                "'\(key)' is a night threshold, but [board] has no 'night = …' saying when the night is (like night = 19:00-07:00)"),
                at: at))
        }

        if let repeatAt = alarmRepeatAt, let every = config.alarm.repeatEvery, every <= config.alarm.duration {
            errors.append(ConfigError(.inconsistent(
                "repeat (\(ConfigValue.format(every, as: .duration))) must be longer than the tone's duration (\(ConfigValue.format(config.alarm.duration, as: .duration)))"),
                at: repeatAt))
        }

        guard errors.isEmpty else { throw ConfigErrors(errors) }
        return config
    }

    // MARK: sections

    private func unknown(_ setting: ConfigSyntax.Setting, in section: String, among keys: [String]) -> ConfigProblem {
        .unknownKey(key: setting.key, section: section, suggestion: EditDistance.suggestion(for: setting.key, among: keys))
    }

    private func applyFeed(
        _ s: ConfigSyntax.Setting, _ feed: inout FeedConfig, _ keys: inout KeysDraft, at location: ConfigLocation
    ) -> ConfigProblem? {
        let v = s.value
        switch s.key {
        case "group":
            guard MulticastGroup.family(of: v) != nil else {
                return bad(s, "a multicast group: IPv4 224.0.0.0 to 239.255.255.255 like 239.192.0.99, or IPv6 ff00::/8 like ff15::99")
            }
            feed.group = v
        case "port":
            guard let port = Int(v), (1...65535).contains(port) else { return bad(s, "a UDP port number from 1 to 65535") }
            feed.port = port
        case "interface":
            guard !v.isEmpty, !v.contains(" "), !v.contains("\t") else { return bad(s, "a network interface name like eth0") }
            feed.interface = v
        case "key":
            let words = v.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count == 2, Self.isKeyID(words[0]), words[1].hasPrefix("/") else {
                return bad(s, "a key id and the absolute path of its key file, like floor-2 /etc/wallboard/feed-2.key")
            }
            keys.keyLines.append((FeedKeySource(id: words[0], path: words[1]), s.line, location))
        case "key_file":
            guard v.hasPrefix("/") else { return bad(s, "an absolute path like /etc/wallboard/feed.key") }
            keys.keyFile = (v, s.line)
        case "key_id":
            guard Self.isKeyID(v) else { return bad(s, Self.keyIDShape) }
            keys.keyID = (v, location)
        case "stale_after":
            if v == "auto" {
                feed.staleAfter = nil
            } else {
                guard let d = ConfigValue.boundedDuration(v), d > 0 else { return bad(s, "a duration like 15s (at most 24h), or auto (3 × the publisher's interval)") }
                feed.staleAfter = d
            }
        case "lost_after":
            guard let d = ConfigValue.boundedDuration(v), d > 0 else { return bad(s, "a duration like 30s or 2m, at most 24h") }
            feed.lostAfter = d
        default:
            return unknown(s, in: "feed", among: ConfigKeys.feed)
        }
        return nil
    }

    private func applyDisplay(_ s: ConfigSyntax.Setting, _ display: inout DisplayConfig) -> ConfigProblem? {
        let v = s.value
        switch s.key {
        case "output":
            guard let output = DisplayOutput(rawValue: v) else { return bad(s, "one of auto, drm, fbdev, terminal, png") }
            display.output = output
        case "device":
            guard v.hasPrefix("/dev/") else { return bad(s, "a device path like /dev/dri/card0 or /dev/fb0") }
            display.device = v
        case "connector":
            let names = v.split(separator: ",").map { String($0).trimmingSpaces }
            guard (1...2).contains(names.count), names.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }),
                Set(names).count == names.count
            else { return bad(s, "one connector name, or two for two screens, like HDMI-A-1 or HDMI-A-1, HDMI-A-2") }
            display.connectors = names
        case "mode":
            if v == "auto" {
                display.mode = nil
            } else {
                guard let mode = DisplayMode(v) else { return bad(s, "a mode like 1920x1080 or 1920x1080@60, or auto") }
                display.mode = mode
            }
        case "rotation":
            guard let degrees = Int(v), let rotation = Rotation(degrees: degrees) else { return bad(s, "0, 90, 180 or 270") }
            display.rotation = rotation
        case "font":
            guard !v.isEmpty else { return bad(s, "a font file path like /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") }
            display.font = v
        case "viewing_distance":
            guard let metres = ConfigValue.distance(v), metres <= 100 else { return bad(s, "a distance in metres like 6m") }
            display.viewingDistance = metres
        case "screen_diagonal":
            guard let metres = ConfigValue.diagonal(v), metres <= 20 else { return bad(s, "a screen diagonal like 55in, 140cm or 1.4m") }
            display.screenDiagonal = metres
        case "burn_in_shift":
            if let on = ConfigValue.bool(v) {
                display.burnInShift = on ? 300 : nil
            } else if let d = ConfigValue.boundedDuration(v), d >= 1 {
                display.burnInShift = d
            } else {
                return bad(s, "on, off, or a shift interval like 5m (1s to 24h)")
            }
        case "red_pulse":
            guard let on = ConfigValue.bool(v) else { return bad(s, "on or off") }
            display.redPulse = on
        case "png_path":
            guard v.hasPrefix("/"), v.hasSuffix(".png") else { return bad(s, "an absolute path ending in .png") }
            display.pngPath = v
        case "views":
            switch HeadViews.parse(v) {
            case .success(let views): display.views = views
            case .failure(let why): return bad(s, why.expected)
            }
        case "on":
            switch DisplaySchedule.parse(v) {
            case .success(let schedule): display.schedule = schedule
            case .failure(let why): return bad(s, why.expected)
            }
        case "wake_on":
            guard let wake = WakeOn(rawValue: v) else { return bad(s, "breach, warning or never (which alarm lights the screen outside the schedule)") }
            display.wakeOn = wake
        default:
            return unknown(s, in: "display", among: ConfigKeys.display)
        }
        return nil
    }

    private func applyBoard(_ s: ConfigSyntax.Setting, _ board: inout BoardConfig) -> ConfigProblem? {
        switch s.key {
        case "title":
            guard !s.value.isEmpty else { return bad(s, "a title like \"FORCE CONTROL ROOM\"") }
            board.title = s.value
        case "queues":
            let ids = s.value.split(separator: ",").map { String($0).trimmingSpaces }
            guard !ids.isEmpty, ids.allSatisfy({ !$0.isEmpty }) else { return bad(s, "queue ids separated by commas, like 999, 101, crime") }
            if let dup = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
                return .badValue(key: s.key, value: s.value, expected: "a list without repeats ('\(dup)' appears twice)")
            }
            guard ids.count <= BoardState.maxQueues else { return bad(s, "at most \(BoardState.maxQueues) queue ids") }
            board.queues = ids
        case "page_size":
            guard let n = Int(s.value), (1...BoardLayout.maximumTiles).contains(n) else {
                return bad(s, "a number of tiles per page from 1 to \(BoardLayout.maximumTiles)")
            }
            board.pageSize = n
        case "page_seconds":
            guard let d = ConfigValue.duration(s.value), d >= 1 else { return bad(s, "a duration of at least 1s, like 15s") }
            board.pageSeconds = d
        case "view":
            guard let view = BoardView(rawValue: s.value) else { return bad(s, "one of tiles, handlers, both") }
            board.view = view
        case "night":
            switch DisplaySchedule.parse(s.value) {
            case .success(let night) where !night.isAlways: board.night = night
            case .success: return bad(s, "when the night thresholds apply, like 19:00-07:00 (always is not a night)")
            case .failure(let why): return bad(s, why.expected)
            }
        default:
            return unknown(s, in: "board", among: ConfigKeys.board)
        }
        return nil
    }

    private func applyMetrics(_ s: ConfigSyntax.Setting, _ metrics: inout MetricsConfig) -> ConfigProblem? {
        switch s.key {
        case "textfile":
            if s.value == "off" {
                metrics.textfile = .off
            } else {
                guard s.value.hasPrefix("/"), s.value.hasSuffix(".prom"), s.value.count > ".prom".count + 1 else {
                    return bad(s, "off, or an absolute path ending in .prom (node_exporter's textfile collector reads only *.prom)")
                }
                metrics.textfile = .path(s.value)
            }
        default:
            return unknown(s, in: "metrics", among: ConfigKeys.metrics)
        }
        return nil
    }

    private func applyAlarm(_ s: ConfigSyntax.Setting, _ alarm: inout AlarmConfig) -> ConfigProblem? {
        let v = s.value
        switch s.key {
        case "sound":
            guard let sound = AlarmConfig.Sound(rawValue: v) else { return bad(s, "breach, warning or off (which alarms sound)") }
            alarm.sound = sound
        case "tone":
            let number = v.hasSuffix("Hz") ? String(v.dropLast(2)).trimmingSpaces : v
            guard let hz = Double(number), AlarmConfig.toneRange.contains(hz) else {
                return bad(s, "a frequency in Hz from 100 to 8000, like 880")
            }
            alarm.tone = hz
        case "duration":
            guard let d = ConfigValue.duration(v), AlarmConfig.durationRange.contains(d) else {
                return bad(s, "a tone length from 0.05s to 5s, like 0.5s")
            }
            alarm.duration = d
        case "repeat":
            if v == "off" {
                alarm.repeatEvery = nil
            } else {
                guard let d = ConfigValue.boundedDuration(v), d >= 1 else {
                    return bad(s, "a duration like 30s (1s to 24h), or off to sound once per alarm")
                }
                alarm.repeatEvery = d
            }
        case "device":
            // An ALSA PCM name goes to aplay -D as one argument: printable, no spaces.
            guard !v.isEmpty, v.utf8.count <= 200, v.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
                return bad(s, "an ALSA PCM name without spaces, like default, hdmi:CARD=vc4hdmi0 or plughw:1,0 (aplay -L lists them)")
            }
            alarm.device = v
        default:
            return unknown(s, in: "alarm", among: ConfigKeys.alarm)
        }
        return nil
    }

    private func applyStaff(_ s: ConfigSyntax.Setting, _ staff: inout StaffConfig) -> ConfigProblem? {
        guard ConfigKeys.staff.contains(s.key), let dot = s.key.firstIndex(of: ".") else {
            return unknown(s, in: "staff", among: ConfigKeys.staff)
        }
        let attribute = String(s.key[s.key.index(after: dot)...])
        if s.key.hasPrefix("not_ready.") {
            // A handler's time on break or not ready: a duration by the rules of every other one.
            return applyThreshold(attribute, s, kind: .duration, &staff.notReady)
        }
        return applyThreshold(attribute, s, kind: Metric.availableStaff.kind, &staff.available)
    }

    private func applyQueue(_ s: ConfigSyntax.Setting, _ d: inout QueueDraft, at location: ConfigLocation) -> ConfigProblem? {
        let v = s.value
        if s.key.hasSuffix(ThresholdProfile.nightSuffix) { return applyNight(s, &d, at: location) }
        switch s.key {
        case "label":
            guard !v.isEmpty else { return bad(s, "a tile title like \"999 EMERGENCY\"") }
            d.config.label = v
            return nil
        case "order":
            guard let order = Int(v) else { return bad(s, "a whole number (lower comes first)") }
            d.config.order = order
            return nil
        case "target":
            guard let t = ConfigValue.boundedDuration(v), t > 0 else {
                return bad(s, d.isIncident ? "an attendance target like 15m, at most 24h" : "a service-level target like 10s, at most 24h")
            }
            d.config.target = t
            return nil
        case "dwell":
            guard let t = ConfigValue.boundedDuration(v) else { return bad(s, "a duration like 10s, at most 24h") }
            d.queueDwell = (t, location)
            return nil
        default:
            break
        }
        let sectionName = d.isIncident ? "incident \"\(d.config.id)\"" : "queue \"\(d.config.id)\""
        guard let dot = s.key.lastIndex(of: "."),
            let metric = d.isIncident
                ? Metric.incident.first(where: { $0.key == s.key[..<dot] }) : Metric(key: String(s.key[..<dot])),
            ConfigKeys.thresholdAttributes.contains(String(s.key[s.key.index(after: dot)...]))
        else {
            if d.isIncident { return unknown(s, in: sectionName, among: ConfigKeys.incident) }
            // For `extra.NAME.typo`, offer the same extra's real attributes too.
            var candidates = ConfigKeys.queue
            if s.key.hasPrefix("extra."), let dot = s.key.lastIndex(of: ".") {
                let prefix = s.key[..<dot]
                candidates += ConfigKeys.thresholdAttributes.map { "\(prefix).\($0)" }
            }
            return unknown(s, in: sectionName, among: candidates)
        }
        let attribute = String(s.key[s.key.index(after: dot)...])
        var threshold = d.config.thresholds[metric] ?? AlarmDefaults.threshold(metric, amber: nil, red: nil)
        if let problem = applyThreshold(attribute, s, kind: metric.kind, &threshold) { return problem }
        d.config.thresholds[metric] = threshold
        if attribute == "dwell" { d.explicitDwell.insert(metric) }
        if attribute == "amber" || attribute == "red" { d.limitLocations[s.key] = location }
        return nil
    }

    /// `METRIC.amber@night` / `METRIC.red@night`: parsed like the day limit, applied when the section ends.
    private func applyNight(_ s: ConfigSyntax.Setting, _ d: inout QueueDraft, at location: ConfigLocation) -> ConfigProblem? {
        if d.isIncident {
            // Night limits are a queue's (the night profile applies to queue sections only).
            return .unknownKey(key: s.key, section: "incident \"\(d.config.id)\" (incident limits have no night form)", suggestion: nil)
        }
        let base = String(s.key.dropLast(ThresholdProfile.nightSuffix.count))
        guard let dot = base.lastIndex(of: "."), let metric = Metric(key: String(base[..<dot])),
            case let attribute = String(base[base.index(after: dot)...]), attribute == "amber" || attribute == "red"
        else {
            let candidates = Metric.standard.flatMap { m in ["amber", "red"].map { "\(m.key).\($0)\(ThresholdProfile.nightSuffix)" } }
            return unknown(s, in: "queue \"\(d.config.id)\" (only amber and red have a night form)", among: candidates)
        }
        var probe = AlarmDefaults.threshold(metric, amber: nil, red: nil)
        if let problem = applyThreshold(attribute, s, kind: metric.kind, &probe) { return problem }
        d.nightLimits[metric, default: [:]][attribute] = (attribute == "amber" ? probe.amber : probe.red, location)
        return nil
    }

    /// Applies `amber`/`red`/`hysteresis`/`dwell`/`direction` to one threshold.
    private func applyThreshold(_ attribute: String, _ s: ConfigSyntax.Setting, kind: MetricKind, _ t: inout Threshold) -> ConfigProblem? {
        let v = s.value
        switch attribute {
        case "amber", "red":
            var limit: Double?
            if v == "off" {
                limit = nil
            } else {
                guard let value = ConfigValue.parse(v, as: kind) else { return bad(s, ConfigValue.expected(kind) + ", or off") }
                limit = value
            }
            if attribute == "amber" { t.amber = limit } else { t.red = limit }
        case "hysteresis":
            guard let value = ConfigValue.parse(v, as: kind), value >= 0 else { return bad(s, ConfigValue.expected(kind)) }
            t.hysteresis = value
        case "dwell":
            guard let value = ConfigValue.boundedDuration(v) else { return bad(s, "a duration like 10s, at most 24h") }
            t.dwell = value
        case "direction":
            guard let direction = AlarmDirection(rawValue: v) else { return bad(s, "higher or lower (which way is worse)") }
            t.direction = direction
        default:
            return nil
        }
        return nil
    }

    private func bad(_ s: ConfigSyntax.Setting, _ expected: String) -> ConfigProblem {
        s.value.isEmpty ? .missingValue(key: s.key, expected: expected) : .badValue(key: s.key, value: s.value, expected: expected)
    }

    static let keyIDShape = "a key id like floor-1 (1 to 64 printable ASCII characters, no spaces or %)"

    /// What a `SIG key=` field can carry unescaped (PROTOCOL.md's vchar, ASCII, without `%`).
    static func isKeyID(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { (0x21...0x7e).contains($0) && $0 != UInt8(ascii: "%") }
    }

    // MARK: cross-checks

    /// Orders the keys as the file lists them and refuses what cannot be meant: an id given twice,
    /// or `key_id` without `key_file` (the board would silently accept unsigned datagrams).
    private func finish(_ draft: KeysDraft, into feed: inout FeedConfig) -> [ConfigError] {
        var errors: [ConfigError] = []
        var entries = draft.keyLines.map { (source: $0.source, line: $0.line, at: $0.at) }
        if let (path, line) = draft.keyFile {
            let id = draft.keyID?.id ?? FeedKey.defaultID
            let at = draft.keyID?.at ?? ConfigLocation(file: file, line: line, column: 1)
            entries.append((FeedKeySource(id: id, path: path), min(line, draft.keyID?.at.line ?? line), at))
        } else if let (id, at) = draft.keyID {
            errors.append(ConfigError(.inconsistent(
                "'key_id' (\(id)) names the key in 'key_file', but there is no key_file; add key_file, or use key = \(id) PATH"),
                at: at))
        }
        entries.sort { $0.line < $1.line }
        var firstLine: [String: Int] = [:]
        for entry in entries {
            if let first = firstLine[entry.source.id] {
                errors.append(ConfigError(.inconsistent(
                    "key id '\(entry.source.id)' is already given on line \(first); each key needs its own id"), at: entry.at))
            } else {
                firstLine[entry.source.id] = entry.line
            }
        }
        feed.keys = entries.map(\.source)
        return errors
    }

    private func finish(_ d: QueueDraft, into config: inout WallboardConfig, errors: inout [ConfigError]) {
        var queue = d.config
        // Tuning only how a target-derived alarm moves keeps its limits following the target, and
        // the section's `dwell` reaches that derived alarm too (a room must never see a calm tile
        // while a caller waits past target because a dwell was written).
        let builtIn = d.isIncident ? [:] : AlarmDefaults.queue(queue.id).thresholds
        for metric in AlarmDefaults.targetDerived where (d.isIncident ? Metric.incident : Metric.standard).contains(metric) {
            guard builtIn[metric] == nil, d.limitLocations["\(metric.key).amber"] == nil,
                d.limitLocations["\(metric.key).red"] == nil
            else { continue }
            if queue.thresholds[metric] == nil, d.queueDwell != nil {
                queue.thresholds[metric] = AlarmDefaults.threshold(metric, amber: nil, red: nil)
            }
            if queue.thresholds[metric] != nil { queue.limitsFollowTarget.insert(metric) }
        }
        if let (dwell, _) = d.queueDwell {
            for metric in queue.thresholds.keys where !d.explicitDwell.contains(metric) {
                queue.thresholds[metric]?.dwell = dwell
            }
        }
        for metric in queue.thresholds.keys.sorted(by: { $0.key < $1.key }) {
            if let t = queue.thresholds[metric] {
                errors += checkOrder(metric.key, t, kind: metric.kind, d.limitLocations)
            }
        }
        // Night: the day threshold (as finished above) with the night's amber/red; checked alike.
        for metric in d.nightLimits.keys.sorted(by: { $0.key < $1.key }) {
            guard let limits = d.nightLimits[metric] else { continue }
            var night = queue.threshold(metric) ?? queue.thresholds[metric] ?? AlarmDefaults.threshold(metric, amber: nil, red: nil)
            var locations: [String: ConfigLocation] = [:]
            if let amber = limits["amber"] { night.amber = amber.limit; locations["\(metric.key).amber"] = amber.at }
            if let red = limits["red"] { night.red = red.limit; locations["\(metric.key).red"] = red.at }
            errors += checkOrder(metric.key, night, kind: metric.kind, locations, suffix: ThresholdProfile.nightSuffix)
            queue.nightThresholds[metric] = night
        }
        if d.isIncident { config.incidents.append(queue) } else { config.queues.append(queue) }
    }

    /// Red must be at or past amber in the worse direction; says which value to change. `suffix`
    /// names the profile's keys (`@night`), whose unset limit is the day's rather than the default.
    private func checkOrder(
        _ prefix: String, _ t: Threshold, kind: MetricKind, _ locations: [String: ConfigLocation], suffix: String = ""
    ) -> [ConfigError] {
        guard let amber = t.amber, let red = t.red, t.direction.isWorse(amber, than: red) else { return [] }
        let amberAt = locations["\(prefix).amber"] ?? locations["available.amber"]
        let redAt = locations["\(prefix).red"] ?? locations["available.red"]
        // Blame the value the supervisor wrote; if both were written, blame red (the later decision).
        guard let at = redAt ?? amberAt else { return [] }
        let a = ConfigValue.format(amber, as: kind), r = ConfigValue.format(red, as: kind)
        let worse = t.direction == .higherIsWorse ? "higher" : "lower"
        let fallback = suffix.isEmpty ? "the built-in default" : "the day's"
        var why = "\(prefix).red\(suffix) (\(r)) must be at or beyond \(prefix).amber\(suffix) (\(a)): \(worse) is worse"
        if redAt == nil { why += "; the red limit is \(fallback), so set \(prefix).red\(suffix) too" }
        if amberAt == nil, redAt != nil { why += "; the amber limit is \(fallback), so set \(prefix).amber\(suffix) too" }
        return [ConfigError(.inconsistent(why), at: at)]
    }

}
