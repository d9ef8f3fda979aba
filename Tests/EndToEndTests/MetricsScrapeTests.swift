import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Glibc
import XCTest
import WallboardCore
import WallboardSystem

/// A real scrape: Debian's node_exporter with only its textfile collector, on a free loopback port,
/// reading the folder the agent (`--simulate`) writes its metrics file into; /metrics fetched over
/// HTTP, twice, and the values must follow the simulated floor, a banner and a refused reload.
final class MetricsScrapeTests: XCTestCase {
    func testNodeExporterServesTheAgentsMetricsAndTheyChange() throws {
        let tools = try RequiredTools.find(["prometheus-node-exporter", "promtool"], for: "the metrics scrape test")
        // As the .deb runs it when we can (root: an unprivileged user, whose group may write the
        // textfile directory as README's chgrp/chmod make it), else as ourselves.
        let user = AgentProcess.unprivilegedUserWhenRoot
        let agent = try AgentProcess(configText: "[display]\nmode = 640x360\n", packagedAs: user)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        // The agent's own folder holds the textfile directory too, so one cleanup removes both.
        // Metrics are switched on by a reload, as a supervisor would.
        let textfiles = agent.directory + "/textfile"
        try FileManager.default.createDirectory(atPath: textfiles, withIntermediateDirectories: true)
        if let user {
            XCTAssertEqual(chown(textfiles, 0, user.gid), 0)
            XCTAssertEqual(chmod(textfiles, 0o2775), 0)
        }
        try "[display]\nmode = 640x360\n[metrics]\ntextfile = \(textfiles)/wallboard.prom\n"
            .write(toFile: agent.config, atomically: true, encoding: .utf8)
        let mark = agent.logMark
        agent.signal(SIGHUP)
        // The SIGHUP's own line: the tick may also have noticed the write just before (its line says
        // "changed: reloaded"), so one write can count one or two reloads; both are reloads done.
        XCTAssertTrue(agent.waitForLog("SIGHUP: reloaded", since: mark), agent.log)

        let exporter = try NodeExporter(binary: tools[0], textfileDirectory: textfiles)
        defer { exporter.stop() }

        let first = try waitForScrape(exporter) { $0["wallboard_build_info{version=\"0.1.0\"}"] == 1 }
        XCTAssertEqual(first["node_textfile_scrape_error"], 0, "node_exporter parsed our file")
        // WallboardDown (Deploy/prometheus) watches this: node_exporter 1.5 labels it with the full path.
        let mtime = try XCTUnwrap(first["node_textfile_mtime_seconds{file=\"\(textfiles)/wallboard.prom\"}"])
        XCTAssertLessThan(abs(mtime - Date().timeIntervalSince1970), 30)
        XCTAssertEqual(first["wallboard_feed_state{state=\"ok\"}"], 1)
        XCTAssertEqual(first["wallboard_feed_state{state=\"lost\"}"], 0)
        XCTAssertEqual(first["wallboard_feed_publisher{publisher=\"simulator\"}"], 1)
        XCTAssertEqual(first["wallboard_banner_shown"], 0)
        let reloadsOK = try XCTUnwrap(first["wallboard_config_reloads_total{result=\"ok\"}"])
        XCTAssertTrue((1...2).contains(reloadsOK), "the SIGHUP's reload, and perhaps the tick's of the same write: \(reloadsOK)")
        XCTAssertEqual(first["wallboard_display_connected{connector=\"\",head=\"0\"}"], 1)
        for queue in ["999", "101", "CRIME", "ONLINE"] {
            let states = ["ok", "warning", "breach", "stale"].compactMap { first["wallboard_queue_state{queue=\"\(queue)\",state=\"\($0)\"}"] }
            XCTAssertEqual(states.count, 4, "queue \(queue) has every state: \(first.keys.filter { $0.hasPrefix("wallboard") }.sorted())")
            XCTAssertEqual(states.reduce(0, +), 1, "exactly one state is current for \(queue)")
            XCTAssertNotNil(first["wallboard_queue_calls_waiting{queue=\"\(queue)\"}"], queue)
        }
        let accepted = try XCTUnwrap(first["wallboard_datagrams_total{reason=\"\",result=\"applied\"}"])
        let frames = try XCTUnwrap(first["wallboard_frames_drawn_total"])
        let lastFrame = try XCTUnwrap(first["wallboard_last_frame_timestamp_seconds"])
        XCTAssertLessThan(abs(lastFrame - Date().timeIntervalSince1970), 30, "a Unix time, recent")
        XCTAssertNotNil(first["wallboard_uptime_seconds"])
        XCTAssertEqual(first["wallboard_datagrams_total{reason=\"bad signature\",result=\"rejected\"}"], 0)

        // The file itself passes Prometheus' own linter.
        let lint = try AgentProcess.runProgram("/bin/sh", ["-c", "\(tools[1]) check metrics < \(textfiles)/wallboard.prom"])
        XCTAssertEqual(lint.status, 0, lint.stdout + lint.stderr)

        // The same facts through wallboardctl status --json.
        let json = try agent.ctl(["status", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let status = try JSONDecoder().decode(AgentStatus.self, from: Data(json.stdout.utf8))
        XCTAssertEqual(status.board.feed, .ok)
        XCTAssertEqual(status.board.queues.map(\.id), ["999", "101", "CRIME", "ONLINE"])
        XCTAssertEqual(status.board.publisher, "simulator")

        // Now change things: a banner, a refused reload, and time for the floor to move on.
        XCTAssertEqual(try agent.ctl(["message", "Major incident"]).status, 0)
        try "[display]\nmode = 640x360\n[metrics]\ntextfile = \(textfiles)/wallboard.prom\n[queue \"999\"]\nlongest_wiat.red = 1m\n"
            .write(toFile: agent.config, atomically: true, encoding: .utf8)
        let mark2 = agent.logMark
        agent.signal(SIGHUP)
        XCTAssertTrue(agent.waitForLog("SIGHUP: \(agent.config) not applied", since: mark2), agent.log)

        let second = try waitForScrape(exporter) { ($0["wallboard_config_reloads_total{result=\"failed\"}"] ?? 0) >= 1 }
        XCTAssertEqual(second["wallboard_banner_shown"], 1)
        XCTAssertEqual(second["wallboard_config_reloads_total{result=\"ok\"}"], reloadsOK, "a refused file is no reload")
        XCTAssertGreaterThan(try XCTUnwrap(second["wallboard_datagrams_total{reason=\"\",result=\"applied\"}"]), accepted)
        XCTAssertGreaterThan(try XCTUnwrap(second["wallboard_frames_drawn_total"]), frames)
        XCTAssertGreaterThan(try XCTUnwrap(second["wallboard_last_frame_timestamp_seconds"]), lastFrame)
        let figures = { (s: [String: Double]) in s.filter { $0.key.hasPrefix("wallboard_queue_") && !$0.key.hasPrefix("wallboard_queue_state") } }
        XCTAssertNotEqual(figures(first), figures(second), "the simulated floor moved on: some queue figure changed")
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }

    /// Scrapes until `ready` holds (the agent rewrites its file every 5 s), at most 30 s.
    /// A board on the simulated floor run by its owner (root here, who may write node_exporter's
    /// directory) with no `[metrics]`: Prometheus must not get the made-up figures as the room's, so
    /// the file there is neither created nor touched, and the log says why.
    func testASimulatedBoardLeavesNodeExportersDirectoryAlone() throws {
        let directory = WallboardCore.MetricsConfig.nodeExporterDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            access(directory, W_OK) == 0
        else { throw XCTSkip("\(directory) is not a directory we may write (prometheus-node-exporter not installed, or not root)") }
        let file = directory + "/" + WallboardCore.MetricsConfig.defaultFileName
        let before = try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date

        let agent = try AgentProcess(configText: "[display]\nmode = 640x360\n")
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        XCTAssertTrue(agent.waitForLog("metrics: off (the simulated floor is not exported"), agent.log)
        // The metrics timer fires at start and every 5 s: give it more than one chance.
        usleep(6_000_000)
        let after = try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        XCTAssertEqual(before, after, "\(file) was written by a simulated board")
    }

    private func waitForScrape(_ exporter: NodeExporter, until ready: ([String: Double]) -> Bool) throws -> [String: Double] {
        let deadline = Date().addingTimeInterval(30)
        var last: [String: Double] = [:]
        while Date() < deadline {
            if let text = exporter.scrape() {
                last = Self.samples(text)
                if ready(last) { return last }
            }
            usleep(250_000)
        }
        XCTFail("no scrape satisfied the condition in 30 s; last: \(last.filter { $0.key.hasPrefix("wallboard") || $0.key.hasPrefix("node_textfile") })")
        return last
    }

    /// "name{labels} value" lines → [name{labels}: value], labels sorted by name as node_exporter prints them.
    static func samples(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            out[String(line[..<space])] = value
        }
        return out
    }
}

/// Debian's prometheus-node-exporter with only the textfile collector, on a free loopback port.
final class NodeExporter {
    let process = Process()
    let port: UInt16

    init(binary: String, textfileDirectory: String) throws {
        port = try NodeExporter.freeLoopbackPort()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.textfile",
            "--collector.textfile.directory=\(textfileDirectory)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// GET /metrics, or nil if it does not answer (yet).
    func scrape() -> String? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var body: String?
        let task = URLSession.shared.dataTask(with: URL(string: "http://127.0.0.1:\(port)/metrics")!) { data, response, _ in
            if let data, (response as? HTTPURLResponse)?.statusCode == 200 { body = String(decoding: data, as: UTF8.self) }
            done.signal()
        }
        task.resume()
        done.wait()
        return body
    }

    /// A port the kernel says is free on 127.0.0.1 right now (not 9100: a system node_exporter may hold it).
    static func freeLoopbackPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw XCTSkip("cannot bind a loopback port: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }
}
