import Dispatch
import Foundation
import WallboardCore
import XCTest

@testable import WallboardSystem

/// The sound edge with the real aplay (alsa-utils): a tone played into ALSA's `file` PCM plugin
/// arrives as the samples of the right frequency; no device, and no aplay, are said once and the
/// caller goes on.
final class AlarmPlayerTests: XCTestCase {
    final class Lines: @unchecked Sendable {
        let lock = NSLock()
        var all: [String] = []
        func add(_ line: String) { lock.lock(); all.append(line); lock.unlock() }
        var snapshot: [String] { lock.lock(); defer { lock.unlock() }; return all }
    }

    let queue = DispatchQueue(label: "player-test")

    func makePlayer(program: String = "aplay") -> (AlarmPlayer, Lines) {
        let lines = Lines()
        let logger = Logger(sink: { lines.add($0) })
        return (AlarmPlayer(queue: queue, logger: logger, program: program), lines)
    }

    /// Plays once on the player's queue and waits until the child has been reaped.
    func play(_ player: AlarmPlayer, _ config: AlarmConfig) -> Bool {
        let started = queue.sync { player.play(config) }
        let deadline = Date().addingTimeInterval(20)
        while queue.sync(execute: { player.isPlaying }) && Date() < deadline { usleep(20_000) }
        return started
    }

    func requireAplay() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/aplay"),
                          "needs aplay: Deploy/install-build-deps.sh --test installs alsa-utils")
    }

    func testToneArrivesThroughALSAFilePluginAtTheRightFrequency() throws {
        try requireAplay()
        let dir = TemporaryDirectory()
        let out = dir.file("captured.raw")
        var config = AlarmConfig()
        config.tone = 1000
        config.duration = 0.5
        config.device = "file:FILE=\(out),FORMAT=raw"
        let (player, lines) = makePlayer()
        XCTAssertTrue(play(player, config))
        XCTAssertEqual(queue.sync { player.played }, 1, "\(lines.snapshot) \(queue.sync { player.state })")
        XCTAssertEqual(queue.sync { player.state }, "ready")
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: out))
        XCTAssertEqual(bytes.count, 16_000, "0.5 s of 16 kHz 16-bit mono")
        let samples = stride(from: 0, to: bytes.count - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
        var crossings = 0
        for i in 1..<samples.count where (samples[i - 1] < 0) != (samples[i] < 0) { crossings += 1 }
        XCTAssertEqual(Double(crossings) / 2 / 0.5, 1000, accuracy: 20)
        XCTAssertGreaterThan(samples.map { abs(Int($0)) }.max() ?? 0, 10_000, "not silence")
        XCTAssertTrue(lines.snapshot.isEmpty, "\(lines.snapshot)")
    }

    func testNoDeviceIsLoggedOnceAndSaidInTheState() throws {
        try requireAplay()
        var config = AlarmConfig()
        config.device = "hw:CARD=WallboardNoSuchCard"
        let (player, lines) = makePlayer()
        for _ in 0..<3 { _ = play(player, config) }
        XCTAssertEqual(queue.sync { player.failed }, 3)
        XCTAssertEqual(queue.sync { player.played }, 0)
        let state = queue.sync { player.state }
        XCTAssertTrue(state.hasPrefix("no device (aplay: audio open error"), state)
        let warnings = lines.snapshot.filter { $0.contains("sound:") }
        XCTAssertEqual(warnings.count, 1, "logged once: \(lines.snapshot)")
        XCTAssertTrue(warnings.first?.contains("hw:CARD=WallboardNoSuchCard") ?? false, "\(warnings)")

        // A device that works again is said once too, and the state clears.
        let dir = TemporaryDirectory()
        config.device = "file:FILE=\(dir.file("x.raw")),FORMAT=raw"
        XCTAssertTrue(play(player, config))
        XCTAssertEqual(queue.sync { player.state }, "ready")
        XCTAssertEqual(lines.snapshot.filter { $0.contains("plays again") }.count, 1, "\(lines.snapshot)")
    }

    func testNoPlayerInstalledIsNoCrash() {
        let (player, lines) = makePlayer(program: "wallboard-no-such-aplay")
        XCTAssertFalse(play(player, AlarmConfig()))
        XCTAssertFalse(play(player, AlarmConfig()))
        XCTAssertEqual(queue.sync { player.state }, "no player (wallboard-no-such-aplay not found: install alsa-utils)")
        XCTAssertEqual(lines.snapshot.count, 1, "\(lines.snapshot)")
    }

    func testAplayReasonDropsTheSourceLocation() {
        let stderr = "ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM x\naplay: main:831: audio open error: No such file or directory\n"
        XCTAssertEqual(AlarmPlayer.reason(stderr), "aplay: audio open error: No such file or directory")
    }
}
