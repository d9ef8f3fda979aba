import Foundation
import Glibc
import WallboardTestSupport
import XCTest

@testable import WallboardSystem

/// A real `wallboard` agent process for end-to-end tests: its own temporary directory (short path,
/// Unix sockets allow 108 bytes), control socket, PNG output, a real datagram socket standing in
/// for systemd's NOTIFY_SOCKET, and stderr captured to a file the test can read at any time.
final class AgentProcess {
    let directory: String
    let process = Process()
    var socket: String { directory + "/control" }
    var png: String { directory + "/board.png" }
    var config: String { directory + "/wallboard.conf" }
    var logFile: String { directory + "/agent.log" }
    private let notifyFD: Int32
    private(set) var notifications: [String] = []

    /// The unprivileged user (nobody) to run the agent as when the tests run as root and setpriv is
    /// there, as the .deb runs it; nil otherwise (then the agent runs as ourselves).
    static var unprivilegedUserWhenRoot: (uid: uid_t, gid: gid_t)? {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") ? (65534, 65534) : nil
    }

    /// `packagedAs`: run the agent as that unprivileged uid/gid (root only, through setpriv) in the
    /// .deb's layout: the directory root:GID 2775, the config root:GID 0664.
    /// `launcher`: a command the agent runs under, e.g. `ip netns exec NS` (it execs the agent, so
    /// the process is the agent itself).
    init(configText: String? = nil, simulate: Bool = true, extraArguments: [String] = [], watchdogMicroseconds: Int? = nil,
         packagedAs user: (uid: uid_t, gid: gid_t)? = nil, launcher: [String] = []) throws {
        directory = "/tmp/wbe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        notifyFD = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        let address = try XCTUnwrap(UnixAddress(directory + "/notify"))
        XCTAssertEqual(address.withSockaddr { bind(notifyFD, $0, $1) }, 0)
        if let user {
            XCTAssertEqual(chown(directory, 0, user.gid), 0)
            XCTAssertEqual(chmod(directory, 0o2775), 0)
            XCTAssertEqual(chmod(directory + "/notify", 0o666), 0)
        }

        var arguments = (simulate ? ["--simulate"] : []) + ["--display", "png", "--png", png, "--socket", socket]
        if var configText {
            // A test agent on a real feed must not write its test figures into this machine's
            // node_exporter directory (the default when that directory exists); on the simulated
            // floor the product already writes none.
            if !simulate && !configText.contains("[metrics]") { configText += "\n[metrics]\ntextfile = off\n" }
            try configText.write(toFile: config, atomically: true, encoding: .utf8)
            if let user {
                XCTAssertEqual(chown(config, 0, user.gid), 0)
                XCTAssertEqual(chmod(config, 0o664), 0)
            }
            arguments += ["--config", config]
        }
        let privileges = user.map { ["/usr/bin/setpriv", "--reuid=\($0.uid)", "--regid=\($0.gid)", "--clear-groups"] } ?? []
        let command = launcher + privileges + [Executable.url("wallboard").path] + arguments + extraArguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = directory + "/notify"
        if let watchdogMicroseconds { environment["WATCHDOG_USEC"] = "\(watchdogMicroseconds)" }
        process.environment = environment
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        close(notifyFD)
        try? FileManager.default.removeItem(atPath: directory)
    }

    var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// Where the log ends now: pass it to `waitForLog(_:since:)` to wait for a line written after it
    /// (the same line may already be there from an earlier, identical event).
    var logMark: Int { log.utf8.count }

    /// Waits for a notify datagram containing `text` (e.g. "READY=1"); all received are kept.
    @discardableResult
    func waitForNotification(containing text: String, timeout: Double = 60) -> Bool {
        if notifications.contains(where: { $0.contains(text) }) { return true }
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: notifyFD, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else {
                if !process.isRunning { return false }
                continue
            }
            let n = buffer.withUnsafeMutableBytes { recv(notifyFD, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { continue }
            let message = String(decoding: buffer[0..<n], as: UTF8.self)
            notifications.append(message)
            if message.contains(text) { return true }
        }
        return false
    }

    /// Waits until the log has a line containing `text`.
    func waitForLog(_ text: String, since mark: Int = 0, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if String(decoding: log.utf8.dropFirst(mark), as: UTF8.self).contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to end; nil if it did not within `timeout`.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Runs any program to completion (for setpriv), capturing its output.
    static func runProgram(_ path: String, _ arguments: [String]) throws -> Executable.Result {
        let result = try Subprocess.run(path, arguments)
        return Executable.Result(status: result.status, stdout: result.stdoutText, stderr: result.stderr)
    }

    /// Runs wallboardctl against this agent.
    func ctl(_ arguments: [String]) throws -> Executable.Result {
        try Executable.run("wallboardctl", ["--socket", socket] + arguments)
    }

    /// Waits until `status` contains `text` (about 10 s at most); returns the last status text.
    func waitForStatus(containing text: String) throws -> String {
        var status = ""
        for _ in 0..<100 {
            status = try ctl(["status"]).stdout
            if status.contains(text) { break }
            usleep(100_000)
        }
        return status
    }
}
