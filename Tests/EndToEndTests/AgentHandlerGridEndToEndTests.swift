import Foundation
import Glibc
import WallboardTestSupport
import XCTest

import WallboardCore
import WallboardRender
@testable import WallboardSystem

/// The handler grid as the room meets it: `A` lines into the real `wallboard-publish send`, over
/// real multicast (loopback, TTL 0), into a real `wallboard` agent that writes its frames to a PNG.
/// The agent's picture must show each handler's name, state word, state shape and reason exactly
/// as the painter draws the same records (the ticking times and the clock are left out).
final class AgentHandlerGridEndToEndTests: XCTestCase {
    static let lines = """
        A id=4711 name=Katarzyna%20Campbell-Hughes state=break reason=Meal%20break since=1500 scope=999
        A id=4712 name=Ben%20Davies state=oncall since=74
        A id=4713 name=Priya%20Patel state=available since=3
        A id=4714 name=Siobhán%20O'Sullivan state=notready reason=Training since=700
        A id=4715 name=Oluwaseun%20Adebayo-Williams state=wrap since=20
        A id=4716 name=Tom%20Jones state=offline
        """

    func testSendAgentAndPNGShowTheHandlerStates() throws {
        // The README's worked example is these lines, so it cannot drift from what is tested.
        let readme = try String(contentsOfFile: RequiredTools.repositoryRoot + "/README.md", encoding: .utf8)
        XCTAssertTrue(readme.contains("```\n" + Self.lines + "\n```\n"), "README's A-record example differs from the test's")
        let group = "239.192.78.\(Int.random(in: 1...250))"
        let port = Int.random(in: 20_000...60_000)
        let configText = """
            [feed]
            group = \(group)
            port = \(port)
            interface = lo

            [display]
            mode = 800x480
            burn_in_shift = off

            [board]
            view = handlers

            [staff]
            not_ready.amber = 10m
            not_ready.red = 20m
            """
        // As the .deb runs it (an unprivileged user) when the tests run as root.
        let agent = try AgentProcess(configText: configText, simulate: false, packagedAs: AgentProcess.unprivilegedUserWhenRoot)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        _ = try agent.waitForStatus(containing: ", joined")

        // send keeps republishing its snapshot every second while its stdin stays open.
        let send = Process()
        send.executableURL = Executable.url("wallboard-publish")
        send.arguments = ["send", "--publisher", "e2e-handlers", "--interval", "1",
                          "--group", group, "--port", "\(port)", "--interface", "lo", "--ttl", "0"]
        let stdin = Pipe()
        send.standardInput = stdin
        send.standardError = FileHandle.nullDevice
        try send.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            send.waitUntilExit()
        }
        stdin.fileHandleForWriting.write(Data((Self.lines + "\n\n").utf8))

        // What the painter draws for these records, with the agent's own layout options.
        let config = try WallboardConfig(parsing: configText)
        var board = BoardState(startedAt: 0, feed: config.feed)
        let records = try Self.lines.split(separator: "\n").enumerated().map {
            try FeedDecoder.parseRecord(Array($0.element.utf8), line: $0.offset + 1)
        }
        board.apply(FeedMessage(
            publisher: "e2e-handlers", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 1,
            handlers: records.compactMap { if case .handler(let a) = $0 { return a } else { return nil } }), at: 0)
        var evaluator = AlarmEvaluator()
        let scene = SceneBuilder(config: config).build(
            board: board, alarms: evaluator.evaluate(board: board, config: config, at: 0.5), now: 0.5, wallTime: WallTime(secondsOfDay: 0))
        let painter = Painter(fonts: try Fonts(), layoutOptions: BoardPipeline.layoutOptions(config))
        let expected = Canvas(width: 800, height: 480)
        painter.paint(scene: scene, into: expected)
        let grid = try XCTUnwrap(painter.layout?.handlerGrid)
        XCTAssertEqual(grid.cells.count, 6)
        let sceneGrid = try XCTUnwrap(scene.currentPage(handlerCapacity: grid.capacity).handlerGrid)
        // By name: Ben, Katarzyna, Oluwaseun, Priya, Siobhán, Tom.
        XCTAssertEqual(sceneGrid.cells.map(\.stateWord), ["ON CALL", "BREAK", "WRAP-UP", "AVAILABLE", "NOT READY", "OFFLINE"])
        XCTAssertEqual(sceneGrid.cells.first { $0.id == "4711" }?.mark, "BREACH")
        XCTAssertEqual(sceneGrid.cells.first { $0.id == "4714" }?.mark, "WARNING")
        let regions = grid.cells.flatMap { [$0.icon, $0.name.rect, $0.state.rect, $0.reason.rect, $0.mark.rect] }

        var mismatched = regions
        let end = Date().addingTimeInterval(20)
        while Date() < end {
            if let data = FileManager.default.contents(atPath: agent.png), let shown = try? PNGReader.decode([UInt8](data)),
                shown.width == 800, shown.height == 480
            {
                mismatched = regions.filter { r in
                    (r.y..<r.maxY).contains { y in (r.x..<r.maxX).contains { x in shown[x, y] != expected[x, y] } }
                }
                if mismatched.isEmpty { break }
            }
            usleep(200_000)
        }
        if !mismatched.isEmpty {
            try? FileManager.default.copyItem(atPath: agent.png, toPath: NSTemporaryDirectory() + "handler-grid-agent.png")
            try? Data(PNGWriter.encode(expected)).write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "handler-grid-expected.png"))
        }
        XCTAssertEqual(mismatched, [], "the agent's PNG differs from the expected grid in these boxes\n\(agent.log)")
        let status = try agent.ctl(["status"]).stdout
        XCTAssertTrue(status.contains("e2e-handlers"), status)
        // The grid in a few figures, as a supervisor reads it over SSH (the times tick: 25:00 and on).
        XCTAssertTrue(status.contains(
            "handlers: 6 on the grid (available 1, oncall 1, wrap 1, break 1, notready 1, offline 1) · stale 0 · "
                + "longest not ready: Katarzyna Campbell-Hughes break 25:"), status)
        XCTAssertTrue(status.contains("(Meal break) breach · 2 past [staff] not_ready"), status)
        let handlers = try XCTUnwrap((try agent.statusJSON()["board"] as? [String: Any])?["handlers"] as? [String: Any])
        XCTAssertEqual(handlers["states"] as? [String: Int], ["available": 1, "oncall": 1, "wrap": 1, "break": 1, "notready": 1, "offline": 1])
        XCTAssertEqual((handlers["longestNotReady"] as? [String: Any])?["id"] as? String, "4711")
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
