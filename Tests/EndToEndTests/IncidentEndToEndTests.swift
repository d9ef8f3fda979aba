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
        XCTAssertTrue(waitUntil(15, every: 0.1) { agent.pixels(of: vermillion) > 500 }, "the breach is drawn in vermillion with its border\n\(agent.log)")

        // Resourced now: the same tile calms down (after the alarm's dwell), and no vermillion is left.
        let calm = try feed.publish(
            ["--interval", "1"], stdin: "I grade=immediate area=urban open=5 unresourced=0 oldest=0 target=900\n\n")
        XCTAssertEqual(calm.status, 0, calm.stderr)
        XCTAssertTrue(waitUntil(25, every: 0.1) { agent.pixels(of: vermillion) == 0 }, "breach cleared\n\(agent.log)")
    }

    /// An incident tile in breach is a first-class alarm: the real aplay plays the tone (into ALSA's
    /// file plugin) and repeats it, `wallboardctl ack immediate/urban` run by another user silences
    /// it, status and the metrics file say so, the audit log names who, and when the incidents are
    /// resourced the acknowledgement goes with the alarm, so the next breach sounds again.
    func testAnIncidentBreachSoundsAndASupervisorAcknowledgesIt() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/aplay"), "needs aplay (alsa-utils)")
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv")
        let feed = try LoopbackFeed()
        let tone = feed.directory + "/tone.raw", metrics = feed.directory + "/wallboard.prom"
        // One `send` per state: the figures must stay current after it exits.
        let agent = try AgentProcess(
            configText: feed.config(["stale_after = 10m", "lost_after = 10m"]) + """

                [alarm]
                duration = 0.1s
                repeat = 2s
                device = file:FILE=\(tone),FORMAT=raw
                [metrics]
                textfile = \(metrics)
                """, simulate: false)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        _ = try agent.waitForStatus(containing: ", joined")
        func incidents() throws -> [[String: Any]] {
            try XCTUnwrap((try agent.statusJSON()["board"] as? [String: Any])?["incidents"] as? [[String: Any]])
        }
        func played() throws -> Int { try agent.sound()["played"] as? Int ?? 0 }
        func unacknowledged() throws -> [String] { try agent.sound()["unacknowledged"] as? [String] ?? [] }
        let breach = "I grade=immediate area=urban open=5 unresourced=2 oldest=1000 target=900\n\n"

        XCTAssertEqual(try feed.publish(["--interval", "1"], stdin: breach).status, 0)
        XCTAssertTrue(try waitUntil(20, every: 0.1) { try played() >= 2 }, "the tone sounds and repeats\n\(agent.log)")
        XCTAssertEqual(try unacknowledged(), ["immediate/urban"])
        let sounding = try agent.ctl(["status"]).stdout
        XCTAssertTrue(sounding.contains("incidents: immediate/urban breach (OLDEST UNRESOURCED 16:"), sounding)
        XCTAssertTrue(sounding.contains("sounding for immediate/urban"), sounding)

        let refused = try agent.ctlAsAnotherUser(["ack", "immediate/rural"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("unknown incident grade/area 'immediate/rural' (known: immediate/urban)"), refused.stderr)

        let ack = try agent.ctlAsAnotherUser(["ack", "immediate/urban"])
        XCTAssertEqual(ack.status, 0, ack.stdout + ack.stderr)
        XCTAssertTrue(ack.stdout.contains("acknowledged immediate/urban"), ack.stdout)
        XCTAssertTrue(agent.waitForLog("audit: nobody (uid 65534, pid "), agent.log)
        XCTAssertTrue(agent.log.contains("acknowledged the alarm of immediate/urban"), agent.log)
        let urban = try XCTUnwrap(try incidents().first { $0["id"] as? String == "immediate/urban" })
        XCTAssertEqual(urban["state"] as? String, "breach", "an acknowledged breach is still a breach")
        XCTAssertEqual(urban["acknowledgedBy"] as? String, "nobody")
        XCTAssertEqual(urban["unresourced"] as? Int, 2)
        let at = try XCTUnwrap(urban["acknowledgedAt"] as? String)
        let text = try agent.ctl(["status"]).stdout
        XCTAssertTrue(text.contains("acknowledged: immediate/urban by nobody \(at)"), text)
        XCTAssertTrue(try waitUntil(15, every: 0.2) {
            (try? String(contentsOfFile: metrics, encoding: .utf8))?.contains(
                #"wallboard_incident_state{grade="immediate",area="urban",state="breach"} 1"#) == true
        }, (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? "no metrics file")
        let figures = try String(contentsOfFile: metrics, encoding: .utf8)
        for line in [#"wallboard_incident_open{grade="immediate",area="urban"} 5"#, #"wallboard_incident_unresourced{grade="immediate",area="urban"} 2"#] {
            XCTAssertTrue(figures.contains(line), "missing \(line) in\n\(figures)")
        }

        // Silent while acknowledged: two repeats' time without a tone.
        let quiet = try played()
        usleep(4_500_000)
        XCTAssertEqual(try played(), quiet, "a tone after the incident was acknowledged")

        // Resourced: the alarm ends (after its dwell) and the acknowledgement with it …
        XCTAssertEqual(try feed.publish([], stdin: "I grade=immediate area=urban open=5 unresourced=0 oldest=0 target=900\n\n").status, 0)
        XCTAssertTrue(try waitUntil(25, every: 0.2) {
            let now = try incidents().first
            return now?["state"] as? String == "ok" && now?["acknowledgedBy"] == nil
        }, "\((try? incidents()) ?? [])")
        // … so the next breach sounds again.
        XCTAssertEqual(try feed.publish([], stdin: breach).status, 0)
        XCTAssertTrue(try waitUntil(20, every: 0.1) { try played() > quiet }, "the next breach sounds\n\(agent.log)")
        XCTAssertEqual(try unacknowledged(), ["immediate/urban"])

        // The file with the incident gauges passes Prometheus' own linter.
        let promtool = try RequiredTools.find(["promtool"], for: "the incident metrics check")[0]
        let lint = try AgentProcess.runProgram("/bin/sh", ["-c", "\(promtool) check metrics < \(metrics)"])
        XCTAssertEqual(lint.status, 0, lint.stdout + lint.stderr)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }

    /// `wallboardctl threshold set GRADE/AREA` as for a queue: the `[incident "GRADE/AREA"]`
    /// section edited in the file with its comments kept, judged by the config parser, applied
    /// live; refused in the parser's words (with file:line for a mistake elsewhere in the file);
    /// and a hand edit of the same keys applies on reload.
    func testThresholdSetChangesAnIncidentsLimitsLiveAndInTheFile() throws {
        let feed = try LoopbackFeed()
        let agent = try AgentProcess(
            configText: feed.config(["stale_after = 10m", "lost_after = 10m"]) + """

                # Incidents: every comment here must survive a threshold change.
                [incident "immediate/urban"]
                label = IMMEDIATE URBAN   # the city
                """, simulate: false)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        _ = try agent.waitForStatus(containing: ", joined")
        XCTAssertEqual(
            try feed.publish([], stdin: "I grade=immediate area=urban open=5 unresourced=2 oldest=1000 target=900\n\n").status, 0)
        XCTAssertTrue(try agent.waitForStatus(containing: "incidents: immediate/urban breach").contains("immediate/urban breach"))

        let set = try agent.ctl(["threshold", "set", "immediate/urban", "oldest", "amber=10m", "red=20m"])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("immediate/urban oldest: amber 7m30s → 10m, red 15m → 20m; saved to \(agent.config)"), set.stdout)
        XCTAssertTrue(agent.log.contains("threshold set immediate/urban oldest: amber 7m30s → 10m"), agent.log)
        let saved = try String(contentsOfFile: agent.config, encoding: .utf8)
        XCTAssertTrue(saved.contains("label = IMMEDIATE URBAN   # the city\noldest.amber = 10m\noldest.red = 20m\n"), saved)
        XCTAssertTrue(saved.contains("# Incidents: every comment here must survive a threshold change."), saved)
        // Applied live: 16:40 is past the new amber only (after the breach's dwell).
        let warning = try agent.waitForStatus(containing: "immediate/urban warning (OLDEST UNRESOURCED 16:")
        XCTAssertTrue(warning.contains("immediate/urban warning (OLDEST UNRESOURCED 16:"), warning)
        let listed = try agent.ctl(["thresholds"]).stdout
        XCTAssertTrue(listed.contains("[incident \"immediate/urban\"]\nlabel = IMMEDIATE URBAN\noldest.amber = 10m\noldest.red = 20m"), listed)

        for (arguments, expected) in [
            (["oldst", "red=30m"], "unknown key 'oldst.red' in [incident \"immediate/urban\"]; did you mean 'oldest.red'?"),
            (["oldest", "red=soon"], "'soon' is not a duration like 10s, 2m or 1h"),
            (["oldest", "amber=30m", "red=25m"], "oldest.red (25m) must be at or beyond oldest.amber (30m): higher is worse"),
        ] {
            let refused = try agent.ctl(["threshold", "set", "immediate/urban"] + arguments)
            XCTAssertEqual(refused.status, 1, "\(arguments): \(refused.stdout)")
            XCTAssertTrue(refused.stderr.contains(expected), "\(arguments): \(refused.stderr)")
        }
        XCTAssertEqual(try String(contentsOfFile: agent.config, encoding: .utf8), saved, "a refused change never touches the file")

        // A hand edit of the same keys applies on reload …
        try saved.replacingOccurrences(of: "oldest.red = 20m", with: "oldest.red = 12m")
            .write(toFile: agent.config, atomically: true, encoding: .utf8)
        XCTAssertTrue(try agent.ctl(["reload"]).stdout.contains("reloaded"))
        let breach = try agent.waitForStatus(containing: "immediate/urban breach (OLDEST UNRESOURCED 16:")
        XCTAssertTrue(breach.contains("> 12:00)"), breach)
        // … and a mistake written into the file is named with its line by the next threshold set.
        let broken = try String(contentsOfFile: agent.config, encoding: .utf8)
            .replacingOccurrences(of: "oldest.red = 12m\n", with: "oldest.red = 12m\noldest.dwel = 5s\n")
        try broken.write(toFile: agent.config, atomically: true, encoding: .utf8)
        let line = try XCTUnwrap(broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "oldest.dwel = 5s")) + 1
        let elsewhere = try agent.ctl(["threshold", "set", "immediate/urban", "unresourced", "red=6"])
        XCTAssertEqual(elsewhere.status, 1)
        XCTAssertTrue(elsewhere.stderr.contains("\(agent.config):\(line):1: unknown key 'oldest.dwel'"), elsewhere.stderr)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }
}
