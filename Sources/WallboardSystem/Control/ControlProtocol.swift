#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import WallboardCore

// The control protocol between `wallboardctl` and the agent.
//
// Transport: a Unix stream socket (default /run/wallboard/control, mode 0660, group `wallboard`).
// Framing: one JSON object per line ('\n'-terminated, UTF-8), both ways. The client sends a
// `ControlRequest`, the agent answers with exactly one `ControlResponse` line; a connection may carry
// any number of request/response pairs in order (`preview` keeps one open). Lines over 64 KiB from a
// client are refused. Who asked is taken from the socket (SO_PEERCRED), never from the request.
//
//   → {"command":"status"}
//   ← {"ok":true,"text":"feed  acd-a  last 0.4 s ago ...","status":{...}}
//   → {"command":"threshold-set","queue":"999","metric":"longest_wait","amber":"0:20","red":"0:40"}
//   ← {"ok":false,"error":"unknown queue '998' (known: 999, 101, crime, online)"}

/// The default path of the control socket (systemd's RuntimeDirectory=wallboard).
public let defaultControlSocketPath = "/run/wallboard/control"

/// One request. `command` picks the operation; the other fields are its arguments.
public struct ControlRequest: Codable, Sendable, Equatable {
    public enum Command: String, Codable, Sendable, CaseIterable {
        /// Feed health, display, config file, uptime, frame timings.
        case status
        /// The alarm thresholds in force.
        case thresholds
        /// Change one threshold: `queue`, `metric`, `amber` and/or `red` (texts as in the config file).
        case thresholdSet = "threshold-set"
        /// Set the banner: `text`, optional `duration` ("30m", "1h", "90s") after which it clears itself.
        case message
        case messageClear = "message-clear"
        /// The current frame as a PNG (`png`, base64).
        case snapshot
        /// The current frame scaled down to `width`×`height` XRGB pixels (`pixels`, base64), for preview.
        case frame
        /// Validate the agent's own config file (or `path`) without applying it.
        case checkConfig = "check-config"
        /// Reload the config file, as SIGHUP does.
        case reload
        /// Acknowledge the alarm of `queue` — a queue id, or an incident tile's GRADE/AREA, as
        /// `AlarmSubject(name:)` reads it; everything in alarm when nil: its tone stops, its tile
        /// says who acknowledged it; audited with the peer's credentials.
        case ack
    }

    public var command: Command
    public var queue: String?
    public var metric: String?
    public var amber: String?
    public var red: String?
    public var text: String?
    public var duration: String?
    public var path: String?
    public var width: Int?
    public var height: Int?
    /// `threshold set --profile night`: which profile's limits to change (nil = day, the plain keys).
    public var profile: String?

    public init(
        _ command: Command, queue: String? = nil, metric: String? = nil, amber: String? = nil,
        red: String? = nil, text: String? = nil, duration: String? = nil, path: String? = nil,
        width: Int? = nil, height: Int? = nil
    ) {
        self.command = command
        self.queue = queue
        self.metric = metric
        self.amber = amber
        self.red = red
        self.text = text
        self.duration = duration
        self.path = path
        self.width = width
        self.height = height
    }
}

/// One answer. `ok == false` carries `error`, a sentence for the supervisor.
public struct ControlResponse: Codable, Sendable, Equatable {
    public var ok: Bool
    public var error: String?
    /// Human-readable answer, printed as-is by wallboardctl.
    public var text: String?
    /// Structured status, for scripts and tests.
    public var status: AgentStatus?
    /// The thresholds in force (answer to `thresholds`), one row per queue and metric.
    public var thresholds: [ThresholdRow]?
    /// PNG bytes (snapshot) or XRGB8888 little-endian pixels (frame), base64.
    public var png: String?
    public var pixels: String?
    public var width: Int?
    public var height: Int?

    public init(
        ok: Bool = true, error: String? = nil, text: String? = nil, status: AgentStatus? = nil,
        thresholds: [ThresholdRow]? = nil, png: String? = nil, pixels: String? = nil, width: Int? = nil, height: Int? = nil
    ) {
        self.ok = ok
        self.error = error
        self.text = text
        self.status = status
        self.thresholds = thresholds
        self.png = png
        self.pixels = pixels
        self.width = width
        self.height = height
    }

    public static func failure(_ message: String) -> ControlResponse { ControlResponse(ok: false, error: message) }
}

/// What `wallboardctl status` reports. The feed and board facts are the engine's own
/// (`BoardEngine.status(now:)` → `EngineStatus`: keys, publishers, datagrams, board); the rest is
/// what only the agent's edges know (process, displays, frames, reloads).
public struct AgentStatus: Codable, Sendable, Equatable {
    public typealias Publisher = EngineStatus.Publisher
    public typealias Datagrams = EngineStatus.Datagrams

    public var version: String
    public var pid: Int
    public var uptimeSeconds: Double
    /// Where the board's data comes from: "multicast 239.x.y.z:port, joined on eth0" or the simulator.
    public var feedSource: String
    /// The key ids the board accepts (empty: unsigned datagrams accepted).
    public var keys: [String]
    public var publishers: [Publisher]
    /// Datagrams rejected, by reason (the same as `datagrams.rejected`; the name is kept for scripts).
    public var drops: [String: Int]
    public var display: String
    public var displayReason: String
    /// nil when running on built-in defaults.
    public var configFile: String?
    public var framesDrawn: Int
    /// Milliseconds to build + paint + present the last frame, and the worst since start.
    public var lastFrameMilliseconds: Double
    public var worstFrameMilliseconds: Double
    public var averageFrameMilliseconds: Double
    public var cpuSeconds: Double
    /// Milliseconds from process start to the first frame presented.
    public var firstFrameMilliseconds: Double?
    public var banner: String?
    /// What the wall shows: feed state, silence, publisher, each tile's alarm state.
    public var board: BoardSummary
    /// Datagrams by what became of them since start (received, accepted = applied + standby, rejected, missing).
    public var datagrams: Datagrams
    /// One entry per screen driven, head 0 first.
    public var heads: [Head]
    /// Config reloads (SIGHUP, file saved, `wallboardctl reload`) since start.
    public var reloads: Reloads
    /// Wall-clock time (Unix seconds) of the last frame presented on any screen; nil before the first.
    public var lastFrameAt: Double?
    /// The audible alarm: setting, device, whether it plays ("no device (…)"), tones played.
    public var sound: SoundStatus?
    /// The `[display] on` schedule's decision: "on (schedule until 19:00)", "off by schedule until 07:00", …
    public var screen: String?
    /// Whether the panel is lit now (false: off by schedule).
    public var screenOn: Bool?

    public struct Head: Codable, Sendable, Equatable {
        /// As in `display`, e.g. "drm /dev/dri/card1 HDMI-A-1 1920x1080@60".
        public var name: String
        /// The DRM connector ("HDMI-A-1"); nil for displays without one (fbdev, terminal, png).
        public var connector: String?
        /// False while the monitor is unplugged or off (DRM hot-plug).
        public var connected: Bool
        /// The picture's size in pixels as drawn, "1920x1080" (after rotation).
        public var mode: String
        public init(name: String, connector: String?, connected: Bool, mode: String) {
            self.name = name
            self.connector = connector
            self.connected = connected
            self.mode = mode
        }
    }

    public struct Reloads: Codable, Sendable, Equatable {
        public var ok: Int
        /// Refused files (the running config stayed).
        public var failed: Int
        public init(ok: Int = 0, failed: Int = 0) {
            self.ok = ok
            self.failed = failed
        }
    }

    public init(
        version: String, pid: Int, uptimeSeconds: Double, feedSource: String, keys: [String] = [], publishers: [Publisher],
        drops: [String: Int], display: String, displayReason: String, configFile: String?, framesDrawn: Int,
        lastFrameMilliseconds: Double, worstFrameMilliseconds: Double, averageFrameMilliseconds: Double,
        cpuSeconds: Double, firstFrameMilliseconds: Double?, banner: String?, board: BoardSummary,
        datagrams: Datagrams, heads: [Head], reloads: Reloads, lastFrameAt: Double?, sound: SoundStatus? = nil
    ) {
        self.sound = sound
        self.version = version
        self.pid = pid
        self.uptimeSeconds = uptimeSeconds
        self.feedSource = feedSource
        self.keys = keys
        self.publishers = publishers
        self.drops = drops
        self.display = display
        self.displayReason = displayReason
        self.configFile = configFile
        self.framesDrawn = framesDrawn
        self.lastFrameMilliseconds = lastFrameMilliseconds
        self.worstFrameMilliseconds = worstFrameMilliseconds
        self.averageFrameMilliseconds = averageFrameMilliseconds
        self.cpuSeconds = cpuSeconds
        self.firstFrameMilliseconds = firstFrameMilliseconds
        self.banner = banner
        self.board = board
        self.datagrams = datagrams
        self.heads = heads
        self.reloads = reloads
        self.lastFrameAt = lastFrameAt
    }
}

/// One alarm limit in force, as `wallboardctl thresholds --json` prints it. Texts are in the config
/// file's notation ("20s", "90%", "4"), ready for `threshold set`; the `…Value` twins are plain
/// numbers in seconds, percent or count. A limit that is off is absent.
public struct ThresholdRow: Codable, Sendable, Equatable {
    public var queue: String
    /// "longest_wait", "service_level", "extra.unassigned", ...
    public var metric: String
    public var amber: String?
    public var red: String?
    public var amberValue: Double?
    public var redValue: Double?
    /// "higher" or "lower": which way is worse.
    public var worseWhen: String
    public var hysteresis: String
    public var dwell: String
    /// "day" (the plain keys) or "night" (`…@night`, while `[board] night` holds).
    public var profile: String?
    /// Whether these limits are the ones the alarms use now.
    public var inForce: Bool?

    public init(
        queue: String, metric: String, amber: String?, red: String?, amberValue: Double?, redValue: Double?,
        worseWhen: String, hysteresis: String, dwell: String, profile: String? = nil
    ) {
        self.profile = profile
        self.queue = queue
        self.metric = metric
        self.amber = amber
        self.red = red
        self.amberValue = amberValue
        self.redValue = redValue
        self.worseWhen = worseWhen
        self.hysteresis = hysteresis
        self.dwell = dwell
    }
}

/// Encoding and decoding of protocol lines.
public enum ControlCodec {
    /// Longest accepted line, either way except snapshot/frame answers (a client may cap those itself).
    public static let maximumRequestBytes = 64 * 1024

    public static func encode(_ request: ControlRequest) throws -> [UInt8] { try encodeLine(request) }

    /// Any value as one JSON line (JSONEncoder escapes newlines inside strings).
    static func encodeLine<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = Array(try encoder.encode(value))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// An answer line. A snapshot's base64 picture (megabytes) is spliced in as raw bytes rather than
    /// run through JSONEncoder's string escaping, which base64 never needs and which costs seconds.
    public static func encode(_ response: ControlResponse) throws -> [UInt8] {
        var rest = response
        var big: [(key: String, value: String)] = []
        if let png = rest.png { big.append(("png", png)); rest.png = nil }
        if let pixels = rest.pixels { big.append(("pixels", pixels)); rest.pixels = nil }
        var line = try encodeLine(rest)
        guard !big.isEmpty else { return line }
        line.removeLast(2)  // "}\n"
        for field in big {
            line += Array(",\"\(field.key)\":\"".utf8)
            line += Array(field.value.utf8)
            line.append(UInt8(ascii: "\""))
        }
        line += Array("}\n".utf8)
        return line
    }

    public static func decode<T: Decodable>(_ type: T.Type, line: ArraySlice<UInt8>) throws -> T {
        try JSONDecoder().decode(type, from: Data(line))
    }
}
