import Dispatch
import Foundation
import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardSystem

/// A flood cannot take the receiver's event loop: it reads at most its budget (a burst a wakeup,
/// a rate a second) and leaves the rest to the kernel, which drops and counts it; the loop stays
/// free for the tick and the frames, and every datagram is still accounted for.
final class ReceiveBudgetTests: XCTestCase {
    func testTheBucketRefillsAtItsRateUpToItsBurst() {
        var budget = ReceiveBudget(perSecond: 100, burst: 10)
        XCTAssertEqual(budget.available(now: 0), 10)
        budget.spend(10)
        XCTAssertEqual(budget.available(now: 0), 0)
        XCTAssertEqual(budget.secondsUntil(10), 0.1, accuracy: 1e-9)
        XCTAssertEqual(budget.available(now: 0.05), 5)
        XCTAssertEqual(budget.available(now: 10), 10, "never more than one burst at once")
    }

    func testAFloodIsReadOnlyUpToTheBudgetTheRestCountedAndTheLoopStaysFree() throws {
        let endpoint = FeedMulticastTests.randomEndpoint()
        let queue = DispatchQueue(label: "flooded")
        let inbox = FeedMulticastTests.Inbox()
        let receiver = try MulticastReceiver(endpoint: endpoint, queue: queue) { inbox.add($0) }
        receiver.budget = ReceiveBudget(perSecond: 500, burst: 20)
        receiver.start()
        defer { receiver.stop() }
        XCTAssertTrue(waitUntil { receiver.status.isJoined }, "join on lo: \(receiver.status)")

        // 1 s of as many 1,200-byte datagrams as one thread can send, each numbered; meanwhile the
        // loop is asked every 10 ms to run a block, as the tick and the frames would be.
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        let started = Date()
        var sent = 0
        let latencies = LockedValue<[Double]>([])
        let probe = DispatchQueue(label: "probe")
        let probing = LockedValue(true)
        let probed = DispatchSemaphore(value: 0)
        probe.async {
            while probing.withLock({ $0 }) {
                let asked = Date()
                let ran = DispatchSemaphore(value: 0)
                queue.async { ran.signal() }
                ran.wait()
                latencies.withLock { $0.append(Date().timeIntervalSince(asked)) }
                usleep(10_000)
            }
            probed.signal()
        }
        while Date().timeIntervalSince(started) < 1 {
            var bytes = [UInt8](repeating: 0x41, count: 1_200)
            withUnsafeBytes(of: UInt32(sent).littleEndian) { bytes.replaceSubrange(0..<4, with: $0) }
            if (try? sender.send(bytes)) != nil { sent += 1 }
        }
        probing.withLock { $0 = false }
        probed.wait()
        let elapsed = Date().timeIntervalSince(started)
        let readDuringFlood = receiver.status.datagrams

        XCTAssertGreaterThan(sent, 2_000, "the flood must outrun the budget for this test to mean anything")
        XCTAssertLessThanOrEqual(Double(readDuringFlood), 20 + 500 * (elapsed + 0.1), "read beyond the budget: sent \(sent)")
        let waits = latencies.value
        XCTAssertLessThan(waits.max() ?? 1, 0.25, "the loop must stay free under the flood: \(waits.sorted().suffix(3))")

        // One more after the flood: the drop count travels with the next datagram read.
        let status = try XCTUnwrap(receiverStatusAfterFlood(sender: sender, receiver: receiver, inbox: inbox, sent: &sent))
        XCTAssertGreaterThan(status.kernelDrops, 0, "\(status)")
        XCTAssertEqual(status.datagrams + Int(status.kernelDrops), sent, "every datagram read or counted: \(status), sent \(sent)")
        // Datagrams kept by the handler keep their own bytes (the receiver reuses its array only once let go).
        let numbers = inbox.all.filter { $0.bytes.count == 1_200 }.map { $0.bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) } }
        XCTAssertEqual(numbers, numbers.sorted(), "in order, each its own")
        XCTAssertEqual(Set(numbers).count, numbers.count, "no datagram overwritten by a later one")
    }

}
