import XCTest
@testable import WallboardCore

/// A late datagram (reordered on the network) is let through by the replay window once, but its
/// older figures must not replace newer ones the board already shows.
final class BoardOrderingTests: XCTestCase {
    private func message(_ sequence: UInt64, session: UInt64 = 1, publisher: String = "acd-a", waiting: Int) -> FeedMessage {
        FeedMessage(
            publisher: publisher, session: session, sequence: sequence, sentAtMilliseconds: 0,
            queues: [QueueReport(id: "999", name: "999", waiting: waiting, longestWait: 0)],
            staff: [StaffReport(available: waiting, onCall: 0, wrapUp: 0, onBreak: 0),
                    StaffReport(scope: "999", available: waiting, onCall: 0, wrapUp: 0, onBreak: 0)])
    }

    func testALateOlderDatagramDoesNotOverwriteNewerFigures() {
        var board = BoardState(startedAt: 0)
        board.apply(message(5, waiting: 5), at: 1)
        board.apply(message(4, waiting: 4), at: 2)
        XCTAssertEqual(board.queues["999"]?.report.waiting, 5)
        XCTAssertEqual(board.queues["999"]?.staff?.available, 5)
        XCTAssertEqual(board.floorStaff?.available, 5)
        XCTAssertEqual(board.olderReportsSkipped, 3)
        // The late datagram still proves the feed is alive.
        XCTAssertEqual(board.lastMessageAt, 2)

        board.apply(message(6, waiting: 6), at: 3)
        XCTAssertEqual(board.queues["999"]?.report.waiting, 6)
        XCTAssertEqual(board.floorStaff?.available, 6)
    }

    func testAnotherSessionOrPublisherIsNotComparedBySequence() {
        var board = BoardState(startedAt: 0)
        board.apply(message(900, waiting: 9), at: 1)
        // The publisher restarted (new session, low sequence): its figures are current.
        board.apply(message(1, session: 2, waiting: 1), at: 2)
        XCTAssertEqual(board.queues["999"]?.report.waiting, 1)
        // A fail-over to publisher B with a lower sequence number: applied too.
        board.apply(message(3, session: 7, publisher: "acd-b", waiting: 3), at: 3)
        XCTAssertEqual(board.queues["999"]?.report.waiting, 3)
        XCTAssertEqual(board.olderReportsSkipped, 0)
    }
}
