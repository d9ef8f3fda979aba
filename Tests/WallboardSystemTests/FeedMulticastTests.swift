import Dispatch
import Foundation
import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardSystem

/// Real multicast on the loopback interface (TTL 0: nothing leaves this host). Each test uses its
/// own random group and port so parallel test runs on one machine do not hear each other.
final class FeedMulticastTests: XCTestCase {
    static func randomEndpoint(interface: String? = "lo") -> MulticastEndpoint {
        MulticastEndpoint(
            group: "239.192.\(UInt8.random(in: 1...254)).\(UInt8.random(in: 1...254))",
            port: UInt16.random(in: 20_000...60_000), interface: interface)
    }

    typealias Inbox = DatagramInbox

    func testSenderToReceiverOnLoopbackThroughTheIntake() throws {
        let endpoint = Self.randomEndpoint()
        let inbox = Inbox()
        let receiver = try MulticastReceiver(endpoint: endpoint, queue: DispatchQueue(label: "t")) { inbox.add($0) }
        receiver.start()
        defer { receiver.stop() }
        XCTAssertTrue(waitUntil { receiver.status.isJoined }, "join on lo: \(receiver.status)")
        XCTAssertEqual(receiver.status.interfaceIndex, if_nametoindex("lo"))

        let key = FeedKey(id: "k1", secret: Array("loopback".utf8))
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        var publisher = FeedPublisher(publisher: "lo-test", session: 77, interval: 1, key: key)
        let queues = [QueueReport(id: "999", name: "999", waiting: 2, longestWait: 8.5, offered: 10)]
        // Send until heard (the first datagram can race the join on a loaded machine).
        var sent = 0
        XCTAssertTrue(waitUntil {
            for d in (try? publisher.datagrams(queues: queues, staff: [], sentAtMilliseconds: 1)) ?? [] {
                try? sender.send(d)
                sent += 1
            }
            usleep(20_000)
            return !inbox.all.isEmpty
        })
        var intake = FeedIntake(keys: [key])
        let first = inbox.all[0]
        XCTAssertEqual(intake.receive(first.bytes, now: first.receivedAt),
                       .apply(FeedMessage(publisher: "lo-test", session: 77, sequence: first.bytes.withUnsafeBytes {
                           (try? FeedDecoder().decode($0))?.sequence ?? 0 }, sentAtMilliseconds: 1, interval: 1, queues: queues)))
        XCTAssertTrue(first.sender.contains(":"), first.sender)
        // Oversized datagrams arrive whole (length kept) and the intake counts them as too large.
        try sender.send([UInt8](repeating: 0x41, count: 3000))
        XCTAssertTrue(waitUntil { inbox.all.contains { $0.bytes.count == 3000 } })
        let big = inbox.all.first { $0.bytes.count == 3000 }!
        XCTAssertEqual(intake.receive(big.bytes, now: 0), .rejected(.tooLarge(bytes: 3000)))
        XCTAssertEqual(intake.counters[.tooLarge], 1)
        XCTAssertGreaterThanOrEqual(receiver.status.datagrams, 2)
    }

    func testOnlyTheJoinedGroupIsDeliveredAndTwoListenersShareThePort() throws {
        // Two receivers on one port, different groups: IP_MULTICAST_ALL off and bind-to-group keep
        // each to its own group; SO_REUSEADDR lets them (and a second listener of group A) share the port.
        let a = Self.randomEndpoint()
        var b = a
        b.group = "239.192.\(UInt8.random(in: 1...254)).\(UInt8.random(in: 1...254))"
        if b.group == a.group { b.group = "239.193.1.1" }
        let inboxA = Inbox(), inboxA2 = Inbox(), inboxB = Inbox()
        let ra = try MulticastReceiver(endpoint: a, queue: DispatchQueue(label: "a")) { inboxA.add($0) }
        let ra2 = try MulticastReceiver(endpoint: a, queue: DispatchQueue(label: "a2")) { inboxA2.add($0) }
        let rb = try MulticastReceiver(endpoint: b, queue: DispatchQueue(label: "b")) { inboxB.add($0) }
        for r in [ra, ra2, rb] { r.start() }
        defer { for r in [ra, ra2, rb] { r.stop() } }
        XCTAssertTrue(waitUntil { ra.status.isJoined && ra2.status.isJoined && rb.status.isJoined })
        let toB = try MulticastSender(endpoint: b, ttl: 0)
        let toA = try MulticastSender(endpoint: a, ttl: 0)
        XCTAssertTrue(waitUntil {
            try? toB.send(Array("for B".utf8))
            try? toA.send(Array("for A".utf8))
            usleep(20_000)
            return !inboxB.all.isEmpty && !inboxA.all.isEmpty && !inboxA2.all.isEmpty
        })
        usleep(100_000)
        XCTAssertTrue(inboxA.all.allSatisfy { $0.bytes == Array("for A".utf8) }, "A heard B's group")
        XCTAssertTrue(inboxA2.all.allSatisfy { $0.bytes == Array("for A".utf8) })
        XCTAssertTrue(inboxB.all.allSatisfy { $0.bytes == Array("for B".utf8) }, "B heard A's group")
    }

    func testMissingInterfaceIsRetriedNotFatal() throws {
        let endpoint = Self.randomEndpoint(interface: "wbnosuch0")
        let receiver = try MulticastReceiver(endpoint: endpoint, queue: DispatchQueue(label: "m"), rejoinInterval: 0.05) { _ in }
        receiver.start()
        defer { receiver.stop() }
        XCTAssertTrue(waitUntil { receiver.status.lastError != nil })
        usleep(200_000)
        let status = receiver.status
        XCTAssertFalse(status.isJoined)
        XCTAssertEqual(status.lastError, "no network interface named 'wbnosuch0' (waiting for it)")
        XCTAssertThrowsError(try MulticastSender(endpoint: endpoint)) {
            XCTAssertEqual($0 as? SocketError, .noSuchInterface("wbnosuch0"))
        }
    }

    func testBadGroupsAreClearErrors() {
        XCTAssertThrowsError(try MulticastReceiver(endpoint: MulticastEndpoint(group: "10.0.0.1"), queue: .main) { _ in }) {
            XCTAssertEqual("\($0)", "'10.0.0.1' is not a multicast group (IPv4 224.0.0.0/4 or IPv6 ff00::/8)")
        }
        XCTAssertThrowsError(try MulticastSender(endpoint: MulticastEndpoint(group: "feed.example"))) {
            XCTAssertEqual("\($0)", "'feed.example' is not an IPv4 or IPv6 address")
        }
        XCTAssertThrowsError(try MulticastSender(endpoint: MulticastEndpoint(group: "2001:db8::1")))
    }

    func testIPv6GroupJoinsOnLoopback() throws {
        var endpoint = Self.randomEndpoint()
        endpoint.group = "ff15::\(String(UInt16.random(in: 1...0xfffe), radix: 16))"
        let inbox = Inbox()
        let receiver = try MulticastReceiver(endpoint: endpoint, queue: DispatchQueue(label: "v6")) { inbox.add($0) }
        receiver.start()
        defer { receiver.stop() }
        XCTAssertTrue(waitUntil { receiver.status.isJoined }, "IPv6 join on lo: \(receiver.status)")
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        do {
            try sender.send(Array("v6".utf8))
        } catch SocketError.system(_, _, let code) where code == ENETUNREACH {
            // This kernel has no IPv6 multicast route on lo (it lacks the MULTICAST flag): the join is
            // proven above; delivery needs `ip -6 route add multicast ff00::/8 dev lo table local`.
            return
        }
        XCTAssertTrue(waitUntil {
            try? sender.send(Array("v6".utf8))
            usleep(20_000)
            return !inbox.all.isEmpty
        })
        XCTAssertEqual(inbox.all.first?.bytes, Array("v6".utf8))
        XCTAssertTrue(inbox.all.first?.sender.hasPrefix("[") ?? false)
    }

    func testKeyFileLoading() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("feed.key")
        try "example-key\n".write(toFile: path, atomically: true, encoding: .utf8)
        let key = try FeedKeyFile.load(path: path, id: "k1")
        XCTAssertEqual(key.id, "k1")
        let probe = Array("x".utf8)
        XCTAssertEqual(probe.withUnsafeBytes { key.sign($0) },
                       HMACSHA256(key: Array("example-key".utf8)).authenticationCode(for: probe))
        try "\n  \n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FeedKeyFile.load(path: path, id: "k1")) {
            XCTAssertEqual("\($0)", "key file \(path): no key in it (empty or only whitespace)")
        }
        XCTAssertThrowsError(try FeedKeyFile.load(path: dir.file("missing"), id: "k1")) {
            XCTAssertEqual("\($0)", "key file \(dir.file("missing")): No such file or directory")
        }
    }
}
