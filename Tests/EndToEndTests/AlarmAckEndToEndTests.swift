import Foundation
import Glibc
import WallboardTestSupport
import XCTest

/// The audible alarm as a supervisor meets it, on the real agent: a breach plays the tone through the
/// real aplay (into ALSA's file plugin: this host has no sound card), it repeats, `wallboardctl ack`
/// run by another user silences it, the tile and status say "ACKNOWLEDGED by <user> HH:MM", and the
/// audit log names who did it (SO_PEERCRED).
final class AlarmAckEndToEndTests: XCTestCase {
    func testBreachSoundsRepeatsAndStopsWhenASupervisorAcknowledges() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/aplay"), "needs aplay (alsa-utils)")
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv")
        let tone = "/tmp/wb-tone-\(getpid()).raw"
        defer { unlink(tone) }
        // 999 in breach for certain: "worse when fewer than 10000 wait".
        let config = """
            [display]
            mode = 640x360
            [alarm]
            tone = 1000
            duration = 0.2s
            repeat = 2s
            device = file:FILE=\(tone),FORMAT=raw
            [queue "999"]
            waiting.red = 10000
            waiting.direction = lower
            """
        let agent = try AgentProcess(configText: config)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        XCTAssertTrue(try waitUntil(20, every: 0.1) { (try agent.sound()["played"] as? Int ?? 0) >= 2 }, agent.log)
        let sounded = try agent.sound()
        XCTAssertEqual(sounded["state"] as? String, "ready")
        XCTAssertEqual(sounded["sound"] as? String, "breach")
        XCTAssertTrue((sounded["unacknowledged"] as? [String] ?? []).contains("999"), "\(sounded)")

        // What aplay played: 0.2 s of 16 kHz 16-bit mono at 1000 Hz, not silence.
        // (ALSA's file plugin writes whole periods: the tone's 6400 bytes, then the padding of the last one.)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: tone)).prefix(6400)
        XCTAssertEqual(bytes.count, 6400)
        let samples = stride(from: 0, to: 6399, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
        var crossings = 0
        for i in 1..<samples.count where (samples[i - 1] < 0) != (samples[i] < 0) { crossings += 1 }
        XCTAssertEqual(Double(crossings) / 2 / 0.2, 1000, accuracy: 30)

        // A supervisor who is not the agent's user: nobody, in the socket's group.
        let before = try Data(contentsOf: URL(fileURLWithPath: agent.png))
        let ack = try agent.ctlAsAnotherUser(["ack"])
        XCTAssertEqual(ack.status, 0, ack.stdout + ack.stderr)
        XCTAssertTrue(ack.stdout.contains("acknowledged") && ack.stdout.contains("999"), ack.stdout)
        XCTAssertTrue(agent.waitForLog("audit: nobody (uid 65534, pid "), agent.log)
        XCTAssertTrue(agent.log.contains("acknowledged the alarm of") , agent.log)

        let queues = try XCTUnwrap((try agent.statusJSON()["board"] as? [String: Any])?["queues"] as? [[String: Any]])
        let q999 = try XCTUnwrap(queues.first { $0["id"] as? String == "999" })
        XCTAssertEqual(q999["state"] as? String, "breach", "an acknowledged breach is still a breach")
        XCTAssertEqual(q999["acknowledgedBy"] as? String, "nobody")
        let at = try XCTUnwrap(q999["acknowledgedAt"] as? String)
        XCTAssertEqual(at.count, 5, at)
        let text = try agent.ctl(["status"]).stdout
        XCTAssertTrue(text.contains("acknowledged: 999 by nobody \(at)"), text)
        XCTAssertTrue(text.contains("sound:    ready · breach through file:"), text)
        // The wall was redrawn (the png output writes each frame).
        XCTAssertTrue(waitUntil(20, every: 0.1) { (try? Data(contentsOf: URL(fileURLWithPath: agent.png))) != before })

        // Silence: no tone while nothing unacknowledged is in alarm (the simulator may breach another
        // queue meanwhile; that one would rightly sound, so it ends the check).
        let played = try agent.sound()["played"] as? Int ?? 0
        let quietUntil = Date().addingTimeInterval(5)
        while Date() < quietUntil {
            let now = try agent.sound()
            guard (now["unacknowledged"] as? [String] ?? []).isEmpty else { break }
            XCTAssertEqual(now["played"] as? Int, played, "a tone after everything was acknowledged: \(now)")
            usleep(250_000)
        }

        // A queue that is not in alarm cannot be acknowledged; the refusal says why, and is audited.
        let refused = try agent.ctl(["ack", "nosuchqueue"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("unknown queue 'nosuchqueue'"), refused.stderr)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }

    /// No sound device: the board runs on, the log says so once, status says "no device (…)".
    func testNoSoundDeviceIsLoggedOnceAndShownInStatus() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/aplay"), "needs aplay (alsa-utils)")
        let config = """
            [display]
            mode = 640x360
            [alarm]
            duration = 0.1s
            repeat = 1s
            device = hw:CARD=WallboardNoSuchCard
            [queue "999"]
            waiting.red = 10000
            waiting.direction = lower
            """
        let agent = try AgentProcess(configText: config)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        XCTAssertTrue(try waitUntil(20, every: 0.1) { (try agent.sound()["failed"] as? Int ?? 0) >= 3 }, agent.log)
        let status = try agent.ctl(["status"]).stdout
        XCTAssertTrue(status.contains("sound:    no device (aplay: audio open error"), status)
        XCTAssertEqual(agent.log.components(separatedBy: "the alarm tone cannot play").count - 1, 1, agent.log)
        XCTAssertEqual(try agent.ctl(["status"]).status, 0, "the board runs on")
    }
}
