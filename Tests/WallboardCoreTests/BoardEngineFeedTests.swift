import XCTest
@testable import WallboardCore

/// Issue 11/12 defects, through the one engine: rejections raise the wall with their reason, the
/// footer's words match status, the SIG line follows its grammar, keys roll over without a gap.
final class BoardEngineFeedTests: XCTestCase {
    let key = FeedKey(id: "floor-2026", secret: Array("the real key".utf8))
    let wall = WallTime(secondsOfDay: 36_000)

    func datagram(_ sequence: UInt64, key: FeedKey?, publisher: String = "acd-a") throws -> [UInt8] {
        try FeedEncoder(key: key).encode(FeedMessage(
            publisher: publisher, session: 7, sequence: sequence, sentAtMilliseconds: 1_000 + sequence, interval: 1,
            queues: [QueueReport(id: "999", name: "999", waiting: 2, longestWait: 4)]))
    }

    func testRejectedDatagramsTurnTheFooterAmberWithReasonAndCount() throws {
        var engine = BoardEngine(keys: [key], startedAt: 0)
        engine.receive(bytes: try datagram(1, key: key), from: "10.0.0.1:4000", now: 1)
        XCTAssertFalse(engine.scene(now: 1.5, wallTime: wall).footer.warning, "a calm feed")
        // A publisher signing with a key id the board does not hold.
        let stranger = FeedKey(id: "default", secret: Array("other".utf8))
        for i in 0..<63 { engine.receive(bytes: try datagram(UInt64(10 + i), key: stranger, publisher: "acd-b"), from: "10.0.0.2:4000", now: 2) }
        engine.receive(bytes: try datagram(2, key: key), from: "10.0.0.1:4000", now: 2)
        let footer = engine.scene(now: 2.5, wallTime: wall).footer
        XCTAssertTrue(footer.warning, footer.feed)
        XCTAssertTrue(footer.feed.contains("REJECTED 63: unknown key id 'default'"), footer.feed)
        XCTAssertNil(engine.scene(now: 2.5, wallTime: wall).feedLost)
        // Nothing valid for past lost_after while they keep coming: FEED LOST names the cause.
        for t in stride(from: 3.0, through: 40, by: 1) {
            engine.receive(bytes: try datagram(UInt64(100 + t), key: stranger, publisher: "acd-b"), from: "10.0.0.2:4000", now: t)
        }
        let lost = try XCTUnwrap(engine.scene(now: 40, wallTime: wall).feedLost)
        XCTAssertTrue(lost.hint.hasPrefix("Datagrams arriving but rejected: unknown key id 'default'"), lost.hint)
        // Rejections that stopped long ago no longer raise the footer (the count stays, calm).
        engine.receive(bytes: try datagram(3, key: key), from: "10.0.0.1:4000", now: 100)
        let calm = engine.scene(now: 100.5, wallTime: wall).footer
        XCTAssertFalse(calm.warning, calm.feed)
        XCTAssertTrue(calm.feed.contains("rejected 101"), calm.feed)
        let status = engine.status(now: 100.5)
        XCTAssertEqual(status.datagrams.rejected, ["unknown key id": 101])
        XCTAssertEqual(status.datagrams.lastRejectedFrom, "10.0.0.2:4000")
    }

    func testFooterSaysMissingForSequenceGapsAsStatusDoes() throws {
        var engine = BoardEngine(startedAt: 0)
        engine.receive(bytes: try datagram(1, key: nil), from: "x", now: 1)
        engine.receive(bytes: try datagram(4, key: nil), from: "x", now: 2)  // 2 and 3 never arrive
        XCTAssertTrue(engine.scene(now: 2, wallTime: wall).footer.feed.contains("missing 2"))
        XCTAssertEqual(engine.status(now: 2).datagrams.missing, 2)
        engine.receive(bytes: try datagram(3, key: nil), from: "x", now: 2.1)  // late, not missing after all
        XCTAssertEqual(engine.status(now: 2.2).publishers.first?.sequenceGaps, 1)
    }

    func testSignatureLineFollowsItsGrammar() throws {
        let signed = try datagram(1, key: key)
        var trailing = signed
        trailing.removeLast()  // the final LF
        trailing += Array(" extra=1\n".utf8)
        for keys in [[key], []] {
            let decoder = FeedDecoder(keys: keys)
            XCTAssertThrowsError(try decoder.decode(trailing), "a field after hmac= (keys: \(keys.count))") {
                XCTAssertEqual(($0 as? FeedError)?.reason, .malformed, "\($0)")
            }
            XCTAssertThrowsError(try decoder.decode(signed + [0x0a]), "SIG then two LFs (keys: \(keys.count))") {
                XCTAssertEqual(($0 as? FeedError)?.reason, .malformed, "\($0)")
            }
        }
        XCTAssertNoThrow(try FeedDecoder(keys: [key]).decode(signed))
    }

    func testKeyRollOverWithoutAGapAndStatusNamesEachPublishersKey() throws {
        let next = FeedKey(id: "floor-2027", secret: Array("the next key".utf8))
        var engine = BoardEngine(keys: [key], startedAt: 0)
        engine.receive(bytes: try datagram(1, key: key), from: "a", now: 1)
        // 1. the boards take the new key as well;
        engine.apply(config: engine.config, keys: [key, next])
        XCTAssertEqual(engine.status(now: 1).keys, ["floor-2026", "floor-2027"])
        // 2. the publisher switches: accepted at once, no gap;
        guard case .apply = engine.receive(bytes: try datagram(2, key: next), from: "a", now: 2) else { return XCTFail() }
        XCTAssertEqual(engine.status(now: 2).publishers.first?.keyID, "floor-2027")
        // 3. the old key goes: the new one keeps working, the old one is now unknown.
        engine.apply(config: engine.config, keys: [next])
        guard case .apply = engine.receive(bytes: try datagram(3, key: next), from: "a", now: 3) else { return XCTFail() }
        guard case .rejected(.unknownKey("floor-2026")) = engine.receive(bytes: try datagram(4, key: key), from: "a", now: 3) else {
            return XCTFail("the removed key still accepted")
        }
        XCTAssertNil(engine.scene(now: 3, wallTime: wall).tiles.first?.stale)
    }

    func testStalenessIsDecidedOncePerMomentAndSharedByAlarmsSceneAndStatus() throws {
        var engine = BoardEngine(config: try WallboardConfig(parsing: "[feed]\nstale_after = 5s\n"), startedAt: 0)
        engine.receive(bytes: try datagram(1, key: nil), from: "x", now: 1)
        engine.tick(now: 7)
        XCTAssertEqual(engine.freshness.at, 7)
        XCTAssertTrue(engine.freshness.isStale("999"))
        let scene = engine.scene(now: 7, wallTime: wall)
        XCTAssertNotNil(scene.tiles.first?.stale)
        XCTAssertEqual(engine.status(now: 7).board.queues.first?.state, .stale)
        XCTAssertNil(engine.alarms.queues["999"], "no alarm on stale data")
    }
}
