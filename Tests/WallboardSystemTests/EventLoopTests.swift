import Dispatch
import WallboardCore
import XCTest

@testable import WallboardSystem

final class EventLoopTests: XCTestCase {
    /// Work, timers and read sources registered through the loop run on its queue, one at a time;
    /// state confined to the loop is reached there (an access from elsewhere would trap).
    func testHandlersRunOnTheLoopAndConfinedStateIsReachedThere() {
        let loop = EventLoop(label: "test.loop")
        let seen = LoopConfined<[String]>([], on: loop)
        let done = expectation(description: "all handlers ran")
        var pair: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&pair), 0)
        let fds = pair
        defer { close(fds[0]); close(fds[1]) }
        let sources = LoopConfined<[DispatchSourceProtocol]>([], on: loop)
        loop.async {
            seen.withValue { $0.append("async") }
            let timer = loop.timer {
                seen.withValue { $0.append("timer") }
                _ = write(fds[1], "x", 1)
            }
            timer.schedule(deadline: .now() + 0.05)
            timer.resume()
            let reader = loop.whenReadable(fds[0]) {
                var byte: UInt8 = 0
                _ = read(fds[0], &byte, 1)
                seen.withValue { $0.append("read") }
                done.fulfill()
            }
            sources.withValue { $0 = [timer, reader] }
        }
        wait(for: [done], timeout: 5)
        let all = DispatchQueue(label: "probe").sync { loop.queue.sync { seen.withValue { $0 } } }
        XCTAssertEqual(all, ["async", "timer", "read"])
        loop.queue.sync { sources.withValue { $0.forEach { $0.cancel() } } }
    }
}
