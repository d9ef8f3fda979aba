import WallboardCore
import XCTest

/// With a key configured, nothing but a verified, new datagram from the live session may change
/// what the wall shows. Each forgery is fed through the real pipeline and the scene compared.
final class SpoofTests: XCTestCase {
    let key = FeedKey(id: "floor1", secret: Array("correct horse battery staple".utf8))
    let wrongKey = FeedKey(id: "floor1", secret: Array("guessed".utf8))

    /// The parts of the screen a datagram could change (the footer's rejection count is meant to move).
    private func screen(_ s: Scene) -> [String] {
        ["\(s.header)", "\(s.tiles)", "\(String(describing: s.staff))", "\(String(describing: s.feedLost))",
         "\(String(describing: s.banner))"]
    }

    func testForgedAndReplayedDatagramsNeverChangeTheScreen() throws {
        var p = FaultPipeline(keys: [key])
        var genuine = FaultPublisher("acd-a", session: 0xA, key: key)
        let early = try genuine.next(waiting: 1)
        p.receive(early, at: 0)
        var last: [UInt8] = []
        for t in 1...5 {
            last = try genuine.next(waiting: 10)
            guard case .apply = p.receive(last, at: Double(t)) else { return XCTFail("genuine datagram refused") }
        }
        let before = screen(p.scene(at: 5.5))
        XCTAssertTrue(before[1].contains("waiting: \"10\""), before[1])

        var unsigned = FaultPublisher("acd-a", session: 0xA)
        unsigned.sequence = genuine.sequence
        var wrong = FaultPublisher("acd-a", session: 0xA, key: wrongKey)
        wrong.sequence = genuine.sequence
        var intruder = FaultPublisher("intruder", session: 0xE, sent: genuine.sentMilliseconds + 60_000, key: wrongKey)
        // A byte flipped in a genuine datagram: "waiting=10" becomes "waiting=90".
        var tampered = try { var g = genuine; return try g.next(waiting: 10) }()
        let digit = try XCTUnwrap(findBytes(tampered, "waiting=10")) + 8
        tampered[digit] = UInt8(ascii: "9")
        // A recorded old session of the same publisher, replayed.
        var oldSession = FaultPublisher("acd-a", session: 0x01D, sent: 1_700_000_000_000, key: key)

        let forgeries: [(String, [UInt8], FeedError.Reason)] = [
            ("unsigned", try unsigned.next(waiting: 99), .unsigned),
            ("wrong key", try wrong.next(waiting: 99), .badSignature),
            ("wrong key, new publisher id", try intruder.next(waiting: 99), .badSignature),
            ("tampered", tampered, .badSignature),
            ("replay of the last datagram", last, .replay),
            ("replay of an early datagram", early, .replay),
            ("old session replayed", try oldSession.next(waiting: 99), .replay),
            ("garbage", Array("WB 1 pub=acd-a session=a seq=999 sent=0\nQ id=999 waiting=99".utf8), .unsigned),
        ]
        for (n, (name, bytes, reason)) in forgeries.enumerated() {
            let outcome = p.receive(bytes, at: 5.6 + Double(n) * 0.01)
            guard case .rejected(let error) = outcome else { return XCTFail("\(name) accepted: \(outcome)") }
            XCTAssertEqual(error.reason, reason, name)
            XCTAssertEqual(screen(p.scene(at: 5.5)), before, "\(name) changed the screen")
        }
        XCTAssertEqual(p.intake.counters.totalRejected, forgeries.count)
        XCTAssertEqual(p.intake.counters.applied, 6)
        XCTAssertNil(p.board.queues.values.first { $0.report.waiting == 99 })

        // The genuine publisher still gets through afterwards.
        guard case .apply = p.receive(try genuine.next(waiting: 11), at: 6) else { return XCTFail("genuine refused after forgeries") }
        XCTAssertTrue(screen(p.scene(at: 6))[1].contains("waiting: \"11\""))
    }

    private func findBytes(_ haystack: [UInt8], _ needle: String) -> Int? {
        let n = Array(needle.utf8)
        guard haystack.count >= n.count else { return nil }
        return (0...(haystack.count - n.count)).first { Array(haystack[$0..<$0 + n.count]) == n }
    }
}
