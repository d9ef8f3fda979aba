import Foundation
import Glibc
import XCTest

import WallboardCore
import WallboardRender
import WallboardSystem
import WallboardTestSupport

/// Incidents as the user meets them: the real `wallboard-publish send` reads `I` lines and sends
/// them over real multicast (loopback) to a real agent, which draws the incident tile in its PNG.
final class IncidentEndToEndTests: XCTestCase {
    /// Pixels of `color` in the agent's current PNG (0 while it has none).
    func count(_ color: UInt32, in path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path), let canvas = try? PNGReader.decode([UInt8](data)) else { return 0 }
        return canvas.pixels.reduce(0) { $0 + ($1 & 0xFFFFFF == color ? 1 : 0) }
    }

    func testSendIncidentLinesBreachAndClearOnTheAgentsScreen() throws {
        let feed = try LoopbackFeed()
        let agent = try AgentProcess(
            configText: feed.config() + "\n[incident \"immediate/urban\"]\nlabel = IMMEDIATE URBAN\n", simulate: false)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        _ = try agent.waitForStatus(containing: ", joined")
        let vermillion = Palette().red

        // A malformed I line is refused by send, naming the line and the reason; nothing is sent.
        let bad = try feed.publish([], stdin: "I grade=immediate area=urban open=1 unresourced=2 oldest=5\n\n")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("stdin:1: I: unresourced=2 is more than open=1"), bad.stderr)

        // The oldest unresourced incident past its 15-minute target: the tile is in breach.
        let breach = try feed.publish(
            ["--interval", "1"],
            stdin: "I grade=immediate area=urban open=5 unresourced=2 oldest=1000 target=900 attended=10 within=9\n\n")
        XCTAssertEqual(breach.status, 0, breach.stderr)
        XCTAssertTrue(waitUntil(15, every: 0.1) { count(vermillion, in: agent.png) > 500 }, "the breach is drawn in vermillion with its border\n\(agent.log)")

        // Resourced now: the same tile calms down (after the alarm's dwell), and no vermillion is left.
        let calm = try feed.publish(
            ["--interval", "1"], stdin: "I grade=immediate area=urban open=5 unresourced=0 oldest=0 target=900\n\n")
        XCTAssertEqual(calm.status, 0, calm.stderr)
        XCTAssertTrue(waitUntil(25, every: 0.1) { count(vermillion, in: agent.png) == 0 }, "breach cleared\n\(agent.log)")
    }
}
