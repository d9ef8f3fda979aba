import WallboardCore
import XCTest

@testable import WallboardSystem

final class LoggerTests: XCTestCase {
    private final class Lines: Sendable {
        private let lines = LockedValue<[String]>([])
        var all: [String] { lines.value }
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    func testPriorityPrefixAndOneLinePerEvent() {
        let lines = Lines()
        let logger = Logger(minimum: .info) { lines.append($0) }
        logger.error("config: /etc/wallboard/wallboard.conf:12: bad value\nsecond line")
        logger.info("started")
        logger.debug("hidden at info level")
        XCTAssertEqual(lines.all, ["<3>config: /etc/wallboard/wallboard.conf:12: bad value | second line", "<6>started"])
    }

    func testFloodIsFoldedIntoOneSummaryPerInterval() {
        let lines = Lines()
        let logger = Logger(summaryInterval: 60) { lines.append($0) }
        for i in 0..<10_000 {
            logger.count(.warning, key: "feed drop: bad signature", now: Double(i) * 0.001, message: "feed drop: bad signature from 10.0.0.9")
        }
        logger.flush(now: 30)  // interval not over yet
        XCTAssertEqual(lines.all, ["<4>feed drop: bad signature from 10.0.0.9"])
        logger.flush(now: 61)
        XCTAssertEqual(lines.all.count, 2)
        XCTAssertEqual(lines.all[1], "<4>feed drop: bad signature: 9999 more in the last 61 s")
        // A quiet interval later, the next occurrence is news again and is logged in full.
        logger.flush(now: 125)
        logger.count(.warning, key: "feed drop: bad signature", now: 130, message: "again")
        XCTAssertEqual(lines.all.last, "<4>again")
        XCTAssertEqual(lines.all.count, 3)
    }

    func testRateLimiterKeysAreIndependent() {
        var limiter = RateLimiter(interval: 10)
        XCTAssertTrue(limiter.record(key: "a", now: 0))
        XCTAssertTrue(limiter.record(key: "b", now: 0))
        XCTAssertFalse(limiter.record(key: "a", now: 1))
        XCTAssertEqual(limiter.due(now: 5), [])
        XCTAssertEqual(limiter.due(now: 10), [RateLimiter.Summary(key: "a", suppressed: 1, seconds: 10)])
    }
}
