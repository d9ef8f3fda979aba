import Foundation
import WallboardCore
import WallboardSystem
import XCTest

/// A real `wallboard` agent process for the flood, spoof and config-fault tests: its own temporary
/// directory, config, key file, a free multicast group/port on loopback, PNG output, and a control
/// socket the tests query with the real ControlClient.
final class FaultAgent {
    let directory: String
    let configPath: String
    let controlPath: String
    let pngPath: String
    let group: String
    let port: UInt16
    let key = FeedKey(id: "floor1", secret: Array("flood-test-key-0123456789".utf8))
    private(set) var process: Process?
    private let stderrFile: String

    init() throws {
        directory = "/tmp/wbp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        configPath = directory + "/wallboard.conf"
        controlPath = directory + "/control"
        pngPath = directory + "/board.png"
        stderrFile = directory + "/stderr"
        // A group and port of our own, so parallel test runs and other agents do not cross.
        group = "239.192.\(Int.random(in: 100...250)).\(Int.random(in: 1...250))"
        port = UInt16.random(in: 20_000...60_000)
        try Array("flood-test-key-0123456789\n".utf8).withUnsafeBytes {
            try Data($0).write(to: URL(fileURLWithPath: directory + "/feed.key"))
        }
        try writeConfig(extra: "")
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func writeConfig(extra: String, signed: Bool = true) throws {
        var text = "[feed]\ngroup = \(group)\nport = \(port)\ninterface = lo\n"
        if signed { text += "key_file = \(directory)/feed.key\nkey_id = floor1\n" }
        text += "stale_after = 10s\nlost_after = 30s\n"
        // A small PNG: tests run the debug build, where encoding a 1920×1080 PNG takes seconds of the
        // agent's one queue; the pipeline under test is the same at any size.
        text += "[display]\noutput = png\nmode = 320x180\npng_path = \(pngPath)\n" + extra
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Starts the agent and waits for its first frame.
    func start(arguments extra: [String] = []) throws {
        let p = Process()
        p.executableURL = Executable.url("wallboard")
        p.arguments = ["--config", configPath, "--display", "png", "--png", pngPath, "--socket", controlPath] + extra
        FileManager.default.createFile(atPath: stderrFile, contents: nil)
        p.standardError = FileHandle(forWritingAtPath: stderrFile)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        process = p
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !p.isRunning { throw Failure("agent exited with \(p.terminationStatus): \(stderr)") }
            if let s = try? status(), s.framesDrawn > 0 { return }
            usleep(100_000)
        }
        throw Failure("agent drew no frame within 30 s: \(stderr)")
    }

    func stop() {
        guard let p = process, p.isRunning else { return }
        p.terminate()
        p.waitUntilExit()
    }

    var pid: Int32 { process?.processIdentifier ?? 0 }
    var stderr: String { (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? "" }

    func request(_ r: ControlRequest) throws -> ControlResponse {
        try ControlClient(path: controlPath, timeout: 5).send(r)
    }

    func status() throws -> AgentStatus {
        let response = try request(ControlRequest(.status))
        guard response.ok, let s = response.status else { throw Failure("status failed: \(response)") }
        return s
    }

    /// VmRSS of the agent, kB.
    func rssKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    func sender() throws -> MulticastSender {
        try MulticastSender(endpoint: MulticastEndpoint(group: group, port: port, interface: "lo"), ttl: 0)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
