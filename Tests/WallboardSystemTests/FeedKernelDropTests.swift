import Dispatch
import Foundation
import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardSystem

/// Datagrams the kernel throws away on a full receive buffer never reach the intake; the receiver
/// must still count them (SO_RXQ_OVFL), so `wallboardctl status` can say a flood cost data.
final class FeedKernelDropTests: XCTestCase {
    func testDatagramsDroppedOnAFullReceiveBufferAreCounted() throws {
        let endpoint = FeedMulticastTests.randomEndpoint()
        let queue = DispatchQueue(label: "stalled")
        let inbox = FeedMulticastTests.Inbox()
        let receiver = try MulticastReceiver(endpoint: endpoint, queue: queue) { inbox.add($0) }
        receiver.start()
        defer { receiver.stop() }
        XCTAssertTrue(waitUntil { receiver.status.isJoined }, "join on lo: \(receiver.status)")

        // Stall the receiver's queue (as a hung event loop would) and send far more than the
        // socket buffer holds: 4,000 × 1,200 bytes ≈ 4.8 MB against a default buffer of ~200 KB.
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        let stalled = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        queue.async { stalled.signal(); release.wait() }
        stalled.wait()
        var sent = 0
        for _ in 0..<4_000 where (try? sender.send([UInt8](repeating: 0x41, count: 1_200))) != nil { sent += 1 }
        release.signal()

        // One more after the flood: the drop count travels with the next datagram read.
        let status = try XCTUnwrap(receiverStatusAfterFlood(sender: sender, receiver: receiver, inbox: inbox, sent: &sent))
        XCTAssertGreaterThan(status.kernelDrops, 0, "\(status)")
        XCTAssertLessThan(status.datagrams, 4_000, "the stall must have overflowed the buffer")
        // Everything sent is accounted for: received, or dropped by the kernel and counted.
        XCTAssertEqual(status.datagrams + Int(status.kernelDrops), sent, "\(status), sent \(sent)")
    }


    func testControlMessageParsingFindsTheCountAndIgnoresOthers() {
        // Built by hand the way the kernel lays them out: a cmsghdr, its data, padding to size_t.
        func message(level: Int32, type: Int32, value: UInt32) -> [UInt8] {
            var header = cmsghdr()
            header.cmsg_len = MemoryLayout<cmsghdr>.size + 4
            header.cmsg_level = level
            header.cmsg_type = type
            var bytes = withUnsafeBytes(of: header) { Array($0) } + withUnsafeBytes(of: value) { Array($0) }
            while bytes.count % MemoryLayout<Int>.size != 0 { bytes.append(0) }
            return bytes
        }
        let other = message(level: Int32(IPPROTO_IP), type: 8, value: 99)
        let overflow = message(level: SOL_SOCKET, type: SocketOptions.receiveQueueOverflow, value: 1234)
        (other + overflow).withUnsafeBytes { XCTAssertEqual(MulticastReceiver.overflowCount($0), 1234) }
        other.withUnsafeBytes { XCTAssertNil(MulticastReceiver.overflowCount($0)) }
        // A length that runs past the buffer is not trusted.
        Array(overflow.prefix(overflow.count - 8)).withUnsafeBytes { XCTAssertNil(MulticastReceiver.overflowCount($0)) }
    }
}
