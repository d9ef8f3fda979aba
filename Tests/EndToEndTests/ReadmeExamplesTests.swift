import Foundation
import Glibc
import XCTest

import WallboardCore

/// The README's and PROTOCOL.md's own examples, run as written against a real agent, so the words
/// cannot drift from the product: each answer quoted in the docs must be what the product says.
final class ReadmeExamplesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The fenced block of `language` that follows `heading`.
    static func block(_ language: String, after heading: String, in text: String) throws -> String {
        let rest = try XCTUnwrap(text.range(of: heading)).upperBound
        let open = try XCTUnwrap(text.range(of: "```\(language)\n", range: rest..<text.endIndex))
        let close = try XCTUnwrap(text.range(of: "\n```", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound])
    }

    func testConfiguringExampleParses() throws {
        let readme = try Self.read("README.md")
        let ini = try Self.block("ini", after: "## Configuring", in: readme)
        XCTAssertNoThrow(try WallboardConfig(parsing: ini, file: "README.md"), ini)
    }

    /// The schedule section's example parses and means what the text around it says.
    func testScheduleExampleParsesAndMeansWhatItSays() throws {
        let readme = try Self.read("README.md")
        let ini = try Self.block("ini", after: "### The screen's schedule and night thresholds", in: readme)
        let config = try WallboardConfig(parsing: ini, file: "README.md")
        let schedule = config.display.schedule
        XCTAssertTrue(schedule.isOn(at: LocalTime(weekday: 0, secondsOfDay: 8 * 3600)), "Monday 08:00")
        XCTAssertTrue(schedule.isOn(at: LocalTime(weekday: 5, secondsOfDay: 10 * 3600)), "Saturday 10:00")
        XCTAssertFalse(schedule.isOn(at: LocalTime(weekday: 5, secondsOfDay: 14 * 3600)), "Saturday 14:00")
        XCTAssertFalse(schedule.isOn(at: LocalTime(weekday: 6, secondsOfDay: 10 * 3600)), "Sunday")
        XCTAssertEqual(config.display.wakeOn, .breach)
        let night = ThresholdProfile.active(night: config.board.night, at: LocalTime(weekday: 2, secondsOfDay: 20 * 3600), clockSynchronised: true)
        XCTAssertEqual(night, .night)
        XCTAssertEqual(config.thresholds(for: .night).queue("101").thresholds[.waiting]?.red, 10)
        XCTAssertEqual(config.queue("101").thresholds[.waiting]?.red, 20)
    }

    func testSupervisorExamplesSayWhatTheREADMESays() throws {
        let readme = try Self.read("README.md")
        let example = try Self.read("Deploy/wallboard.conf").replacingOccurrences(of: "mode = auto ", with: "mode = 640x360 ")
        let agent = try AgentProcess(configText: example, simulate: false)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        let path = "/etc/wallboard/wallboard.conf"
        func inReadme(_ line: String, _ file: StaticString = #filePath, _ number: UInt = #line) {
            XCTAssertTrue(readme.contains(line.replacingOccurrences(of: agent.config, with: path)),
                          "the README does not say what the product says:\n\(line)", file: file, line: number)
        }

        // `thresholds`: config-file notation, its heading as the README shows it.
        let listing = try agent.ctl(["thresholds"])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        for line in listing.stdout.split(separator: "\n").prefix(3) { inReadme(String(line)) }
        XCTAssertNoThrow(try WallboardConfig(parsing: listing.stdout))

        // The console example, and the one-value form of Configuring, as written.
        let set = try agent.ctl(["threshold", "set", "999", "longest_wait", "amber=15s", "red=30s"])
        XCTAssertEqual(set.status, 0, set.stderr)
        inReadme(set.stdout.trimmingCharacters(in: .newlines))
        XCTAssertTrue(readme.contains("wallboardctl threshold set 999 longest_wait.red 30s"))
        XCTAssertEqual(try agent.ctl(["threshold", "set", "999", "longest_wait.red", "30s"]).status, 0)
        // 101's amber is already 30 s in the example: red = amber is accepted, as the README says.
        XCTAssertTrue(readme.contains("`threshold set 101 longest_wait.red 30s` works while 101's amber is 30 s"))
        let equal = try agent.ctl(["threshold", "set", "101", "longest_wait.red", "30s"])
        XCTAssertEqual(equal.status, 0, equal.stderr)

        // Each error the README quotes, from the command that makes it.
        for arguments in [
            ["threshold", "set", "998", "longest_wait", "red=30s"], ["threshold", "set", "999", "longest_wiat", "red=30s"],
            ["threshold", "set", "999", "service_level", "red=120%"],
        ] {
            let r = try agent.ctl(arguments)
            XCTAssertEqual(r.status, 1, r.stdout)
            inReadme("`" + r.stderr.dropFirst("wallboardctl: ".count).trimmingCharacters(in: .newlines) + "`")
        }
        let banner = try agent.ctl(["message", "\u{1B}[2J"])
        XCTAssertEqual(banner.status, 1)
        XCTAssertTrue(banner.stderr.hasPrefix("wallboardctl: the message contains the control character U+001B; "), banner.stderr)
        inReadme("`the message contains the control character U+001B; …`")

        // reload names what waits for a restart.
        let edited = try String(contentsOfFile: agent.config, encoding: .utf8)
            .replacingOccurrences(of: "rotation = 0", with: "rotation = 90")
        try edited.write(toFile: agent.config, atomically: true, encoding: .utf8)
        let reload = try agent.ctl(["reload"])
        XCTAssertEqual(reload.status, 0, reload.stderr)
        inReadme("`" + reload.stdout.trimmingCharacters(in: .newlines) + "`")

        // A line that is not a request, on the socket itself.
        let socat = Process()
        socat.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        socat.arguments = ["socat", "-t", "5", "-", "UNIX-CONNECT:\(agent.socket)"]
        let input = Pipe(), output = Pipe()
        socat.standardInput = input
        socat.standardOutput = output
        try socat.run()
        input.fileHandleForWriting.write(Data("{}\n".utf8))
        try input.fileHandleForWriting.close()
        let reply = output.fileHandleForReading.readDataToEndOfFile()
        socat.waitUntilExit()
        let answer = try JSONDecoder().decode(ControlAnswer.self, from: reply)
        inReadme("`" + (answer.error ?? "") + "`")
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }

    struct ControlAnswer: Decodable { var error: String? }

    /// PROTOCOL.md's Python publisher, with its two signature lines, accepted by a board that has only
    /// `key_file` (group, port and loopback substituted: nothing leaves this host).
    func testProtocolPythonPublisherIsSixLinesAndIsAccepted() throws {
        let spec = try Self.read("Sources/WallboardCore/Feed/PROTOCOL.md")
        let readme = try Self.read("README.md")
        let loop = try Self.block("python", after: "lines of Python (add the two signature lines", in: spec)
        let sign = try Self.block("python", after: loop, in: spec)
        XCTAssertEqual(loop.split(separator: "\n").count, 6, loop)
        XCTAssertTrue(spec.contains("Six lines of Python"))
        XCTAssertTrue(spec.contains("or six lines of Python."))
        XCTAssertTrue(readme.contains("six lines of Python"))

        let group = "239.192.79.\(Int.random(in: 1...250))", port = Int.random(in: 20_000...60_000)
        let keys = "/tmp/wb-py-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: keys) }
        try "python-example-key\n".write(toFile: keys + "/feed.key", atomically: true, encoding: .utf8)
        let agent = try AgentProcess(
            configText: "[feed]\ngroup = \(group)\nport = \(port)\ninterface = lo\nkey_file = \(keys)/feed.key\n[display]\nmode = 320x180\n",
            simulate: false)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        let signLines = sign.split(separator: "\n").map(String.init)
        var lines = loop.split(separator: "\n").map(String.init)
        // The key line once, before the loop; the SIG line just before sendto, as the comments say.
        lines.insert(signLines[0].replacingOccurrences(of: "\"feed.key\"", with: "\"\(keys)/feed.key\""), at: 1)
        let send = try XCTUnwrap(lines.firstIndex { $0.contains("sendto") })
        lines.insert("    " + signLines[1].trimmingCharacters(in: .whitespaces), at: send)
        let script = lines.joined(separator: "\n")
            .replacingOccurrences(of: "(\"239.192.0.99\", 5099)", with: "(\"\(group)\", \(port))")
            .replacingOccurrences(
                of: "socket.IP_MULTICAST_TTL, 1)",
                with: "socket.IP_MULTICAST_TTL, 0); s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(\"127.0.0.1\"))")
            .replacingOccurrences(of: "time.sleep(2)", with: "time.sleep(0.2)")
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script]
        python.standardError = FileHandle.nullDevice
        try python.run()
        defer { if python.isRunning { python.terminate(); python.waitUntilExit() } }
        let status = try agent.waitForStatus(containing: "* py: last seen")
        XCTAssertTrue(status.contains("* py: last seen"), "\(status)\n\(script)")
        XCTAssertFalse(status.contains("bad signature") || status.contains("unknown key id"), status)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
