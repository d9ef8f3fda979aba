import Foundation
import Glibc
import XCTest

/// `wallboardctl status --json` and `thresholds --json` as a script reads them: plain JSON with the
/// field names README documents (checked by name here, not through our own Codable types, so a
/// renamed property cannot slip through).
final class StatusJSONTests: XCTestCase {
    func testStatusAndThresholdsAsJSONWithTheDocumentedFieldNames() throws {
        let agent = try AgentProcess(configText: "[display]\nmode = 640x360\n[queue \"999\"]\nlongest_wait.red = 25s\n")
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        // The simulator publishes once a second: wait until the board has its queues.
        var status: [String: Any] = [:]
        let deadline = Date().addingTimeInterval(20)
        repeat {
            let out = try agent.ctl(["status", "--json"])
            XCTAssertEqual(out.status, 0, out.stderr)
            status = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], out.stdout)
            if ((status["board"] as? [String: Any])?["queues"] as? [Any])?.count == 4 { break }
            usleep(200_000)
        } while Date() < deadline

        for key in [
            "version", "pid", "uptimeSeconds", "feedSource", "publishers", "drops", "display", "displayReason", "configFile",
            "framesDrawn", "lastFrameMilliseconds", "worstFrameMilliseconds", "averageFrameMilliseconds", "cpuSeconds",
            "firstFrameMilliseconds", "board", "datagrams", "heads", "reloads", "lastFrameAt", "sound",
        ] {
            XCTAssertNotNil(status[key], "status has \(key): \(status.keys.sorted())")
        }
        let board = try XCTUnwrap(status["board"] as? [String: Any])
        XCTAssertEqual(board["feed"] as? String, "ok")
        XCTAssertEqual(board["publisher"] as? String, "simulator")
        XCTAssertNotNil(board["lastDatagramSecondsAgo"] as? Double)
        let queues = try XCTUnwrap(board["queues"] as? [[String: Any]])
        XCTAssertEqual(queues.compactMap { $0["id"] as? String }, ["999", "101", "CRIME", "ONLINE"])
        for q in queues {
            XCTAssertTrue(["ok", "warning", "breach"].contains(q["state"] as? String ?? ""), "\(q)")
            XCTAssertNotNil(q["waiting"] as? Int, "\(q)")
            XCTAssertNotNil(q["longestWaitSeconds"] as? Double, "\(q)")
        }
        let datagrams = try XCTUnwrap(status["datagrams"] as? [String: Any])
        XCTAssertGreaterThan(datagrams["accepted"] as? Int ?? 0, 0)
        for key in ["standby", "rejected", "receiveBufferDrops"] { XCTAssertNotNil(datagrams[key], key) }
        let heads = try XCTUnwrap(status["heads"] as? [[String: Any]])
        XCTAssertEqual(heads.count, 1)
        XCTAssertEqual(heads.first?["connected"] as? Bool, true)
        XCTAssertEqual(heads.first?["mode"] as? String, "640x360")
        XCTAssertEqual(status["reloads"] as? [String: Int], ["ok": 0, "failed": 0])

        let out = try agent.ctl(["thresholds", "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]], out.stdout)
        let wait = try XCTUnwrap(rows.first { $0["queue"] as? String == "999" && $0["metric"] as? String == "longest_wait" })
        XCTAssertEqual(wait["red"] as? String, "25s")
        XCTAssertEqual(wait["redValue"] as? Double, 25)
        XCTAssertEqual(wait["amber"] as? String, "10s")
        XCTAssertEqual(wait["worseWhen"] as? String, "higher")
        for key in ["amberValue", "hysteresis", "dwell"] { XCTAssertNotNil(wait[key], key) }
        let sl = try XCTUnwrap(rows.first { $0["queue"] as? String == "999" && $0["metric"] as? String == "service_level" })
        XCTAssertEqual(sl["worseWhen"] as? String, "lower")
        XCTAssertEqual(sl["redValue"] as? Double, 90)

        // The text forms still answer, and a usage mistake exits 2.
        XCTAssertTrue(try agent.ctl(["status"]).stdout.contains("wall:     feed ok"))
        XCTAssertEqual(try agent.ctl(["status", "--jsn"]).status, 2)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }
}
