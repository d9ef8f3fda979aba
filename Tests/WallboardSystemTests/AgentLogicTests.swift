import XCTest

@testable import WallboardCore
@testable import WallboardRender
@testable import WallboardSystem

/// The agent's pure pieces: frame pacing, per-publisher gaps, preview sampling.
final class AgentLogicTests: XCTestCase {
    func testFrameSchedulerCoalescesToOneFramePerRefresh() {
        var scheduler = FrameScheduler(refreshHz: 50)
        XCTAssertEqual(scheduler.request(now: 10), 0, "first frame at once")
        XCTAssertNil(scheduler.request(now: 10), "already pending: coalesced")
        scheduler.drew(now: 10)
        XCTAssertEqual(scheduler.request(now: 10.005) ?? -1, 0.015, accuracy: 1e-9, "not before 1/50 s after the last")
        XCTAssertNil(scheduler.request(now: 10.006))
        scheduler.drew(now: 10.02)
        XCTAssertEqual(scheduler.request(now: 11), 0, "long after: at once")
    }

    func testPublisherTableCountsGapsPerPublisherAndSession() throws {
        var table = PublisherTable()
        func admit(_ publisher: String, _ session: UInt64, _ sequence: UInt64, now: Double) throws {
            // `sent` moves on with time, as a real publisher's clock does (a restart is a later session).
            _ = try table.admit(
                FeedMessage(publisher: publisher, session: session, sequence: sequence, sentAtMilliseconds: UInt64(now * 1000)),
                keyID: nil, now: now)
        }
        try admit("acd-a", 1, 1, now: 0)
        try admit("acd-a", 1, 2, now: 1)
        try admit("acd-a", 1, 5, now: 2)  // 3 and 4 missing
        try admit("acd-a", 7, 1, now: 3)  // restarted: not a gap
        try admit("acd-b", 3, 10, now: 3.5)
        try admit("acd-b", 3, 11, now: 4)
        let publishers = table.sorted
        XCTAssertEqual(publishers.map(\.id), ["acd-a", "acd-b"])
        XCTAssertEqual(publishers[0].missing, 2)
        XCTAssertEqual(publishers[0].accepted, 4)
        XCTAssertEqual(5 - publishers[0].lastHeard, 2)
        XCTAssertEqual(table.active, "acd-a")
        XCTAssertEqual(publishers[1].missing, 0)
        XCTAssertEqual(table.missing, 2)
    }

    func testFrameSamplerAveragesBoxesAndKeepsAspect() {
        let canvas = Canvas(width: 400, height: 200, fill: RGB.pack(0, 0, 0))
        canvas.fill(Rect(x: 0, y: 0, width: 200, height: 200), with: RGB.pack(200, 100, 50))
        let sampled = FrameSampler.sample(canvas, maxWidth: 80, maxHeight: 80)
        XCTAssertEqual(sampled.width, 80)
        XCTAssertEqual(sampled.height, 40)
        XCTAssertEqual(sampled.pixels[0], RGB.pack(200, 100, 50))
        XCTAssertEqual(sampled.pixels[79], 0)
    }

    func testControlResponseWithPictureIsOneValidJSONLine() throws {
        let response = ControlResponse(png: "iVBORw0KGgo=", width: 2, height: 1)
        let line = try ControlCodec.encode(response)
        XCTAssertEqual(line.last, UInt8(ascii: "\n"))
        XCTAssertEqual(line.filter { $0 == UInt8(ascii: "\n") }.count, 1)
        XCTAssertEqual(try ControlCodec.decode(ControlResponse.self, line: line.dropLast()), response)
    }
}

/// `screen_diagonal` is used: with `viewing_distance` it sets the smallest legible text.
final class ScreenDiagonalTests: XCTestCase {
    func testTheConfiguredDiagonalReachesTheLayout() throws {
        let small = try WallboardConfig(parsing: "[display]\nviewing_distance = 6m\nscreen_diagonal = 32in\n")
        let options = BoardPipeline.layoutOptions(small)
        XCTAssertEqual(options.screenDiagonal, 0.8128, accuracy: 0.001)
        let unset = BoardPipeline.layoutOptions(try WallboardConfig(parsing: "[display]\nviewing_distance = 6m\n"))
        XCTAssertEqual(unset.screenDiagonal, 1.40, "unset: a 55-inch panel")
        XCTAssertGreaterThan(options.minimumLegibleSize(width: 1920, height: 1080), unset.minimumLegibleSize(width: 1920, height: 1080),
                             "a smaller panel read from as far needs bigger pixels")
    }
}
