import Foundation
import Glibc
import WallboardTestSupport
import XCTest

import WallboardSystem

/// Boards and publishers on one bridged segment, as a control room is cabled: each a network
/// namespace, the switch a Linux bridge, the real agent (as nobody) and the real `wallboard-publish`.
final class NetworkSegmentTests: XCTestCase {
    var lab: NetworkLab!
    var segment = ""
    var key = ""
    let publish = Executable.url("wallboard-publish").path

    override func setUpWithError() throws {
        if let reason = NetworkLab.unavailableReason() { throw XCTSkip(reason) }
        lab = try NetworkLab()
        segment = try lab.switchMachine("switch")
        key = try lab.keyFile("segment-secret")
    }

    override func tearDown() { lab?.shutDown() }

    /// A machine on the segment at 10.231.1.`host`, with a default route unless `gateway` is false.
    func host(_ name: String, _ host: Int, gateway: Bool = true) throws -> String {
        let ns = try lab.machine(name)
        try lab.plug(ns, "eth0", into: segment, port: "p-\(name)")
        try lab.address(ns, "eth0", "10.231.1.\(host)/24")
        if gateway { try lab.ip(ns, "route", "add", "default", "via", "10.231.1.1") }
        return ns
    }

    func boardConfig(interface: String? = "eth0") -> String {
        """
        [feed]
        group = 239.192.0.99
        port = 5099
        \(interface.map { "interface = \($0)" } ?? "")
        key_file = \(key)
        key_id = floor-1

        [display]
        mode = 640x360
        """
    }

    /// `wallboard-publish simulate`, signed, two datagrams a second.
    @discardableResult
    func publisher(_ id: String, on ns: String, _ extra: [String] = []) throws -> Process {
        try lab.start(
            in: ns, [publish, "simulate", "--seed", "7", "--publisher", id, "--interval", "0.5", "--key", key, "--key-id", "floor-1"] + extra,
            log: "\(id).log")
    }

    func testBoardsOnOneSegmentShowTheFeedAndFailOverFromAToBAcrossTheBridge() throws {
        let boards = try lab.boards(on: try (1...3).map { try host("board\($0)", 10 + $0) }, config: boardConfig())
        let a = try publisher("acd-a", on: try host("pub-a", 21), ["--interface", "eth0"])
        XCTAssertTrue(eventuallyEach(boards, timeout: 30) { $0.following == "acd-a" },
                      "every board follows A: \(boards.map { $0.status()?.publishers ?? [] })")
        try publisher("acd-b", on: try host("pub-b", 22), ["--interface", "eth0"])
        XCTAssertTrue(eventuallyEach(boards, timeout: 30) { $0.accepted(from: "acd-b") >= 2 },
                      "B heard as standby on every board: \(lab.read("acd-b.log"))")

        lab.stop(a)  // A's machine fails: every board follows B within its fail-over time
        XCTAssertTrue(eventuallyEach(boards, timeout: 30) { $0.following == "acd-b" },
                      "every board fails over to B: \(boards.map { $0.status()?.publishers ?? [] })")
        let before = boards.map { $0.accepted(from: "acd-b") }
        XCTAssertTrue(eventuallyEach(Array(zip(boards, before)), timeout: 30) { $0.accepted(from: "acd-b") > $1 },
                      "B's figures keep arriving on every board")
        for board in boards {
            XCTAssertEqual(board.status()?.drops ?? ["no status": 1], [:], board.log)
            XCTAssertTrue(board.status()?.feedSource.contains("joined on eth0") ?? false, board.status()?.feedSource ?? board.log)
        }
    }

    func testUnicastFallbackReachesEachBoardAtItsOwnAddressUnderTheSameRules() throws {
        let both = try lab.boards(on: [try host("board1", 11), try host("board2", 12)], config: boardConfig())
        let (board1, board2) = (both[0], both[1])
        let pub = try host("pub", 21)
        // Straight to each board's own address; the second with its port spelled out; a third board is
        // switched off (nobody at .13): the others still get every datagram. Nothing goes to the group.
        let unicast = try publisher("acd-unicast", on: pub, ["--to", "10.231.1.11", "--to", "10.231.1.12:5099", "--to", "10.231.1.13"])
        XCTAssertTrue(waitUntil(30, every: 0.1) { board1.accepted(from: "acd-unicast") >= 3 && board2.accepted(from: "acd-unicast") >= 3 },
                      "both boards follow the unicast publisher: \(lab.read("acd-unicast.log")) \(board1.log)")
        XCTAssertEqual(board1.following, "acd-unicast")
        XCTAssertTrue(unicast.isRunning, lab.read("acd-unicast.log"))

        // Unicast is no way round the key: an unsigned publisher sending straight to board 1 is refused and counted.
        let intruder = try lab.run(
            in: pub, [publish, "simulate", "--duration", "1", "--interval", "0.25", "--publisher", "intruder", "--to", "10.231.1.11"])
        XCTAssertTrue(intruder.contains("(unicast)"), intruder)
        XCTAssertTrue(waitUntil(30, every: 0.1) { (board1.status()?.drops["unsigned"] ?? 0) >= 3 }, "\(board1.status()?.drops ?? [:])")
        XCTAssertEqual(board1.accepted(from: "intruder"), 0)
        XCTAssertEqual(board1.following, "acd-unicast")
        XCTAssertNil(board2.status()?.drops["unsigned"], "board 2 was not sent the intruder's datagrams")
        let before = board2.accepted(from: "acd-unicast")
        XCTAssertTrue(waitUntil(30, every: 0.1) { board2.accepted(from: "acd-unicast") > before }, lab.read("acd-unicast.log"))
        XCTAssertTrue(unicast.isRunning, "a board that is off does not stop the publisher: \(lab.read("acd-unicast.log"))")
    }

    func testPublishRefusesADestinationItCannotUse() throws {
        let r = try Executable.run("wallboard-publish", ["simulate", "--duration", "0", "--to", "[fd00::1"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("--to: '[fd00::1' is not a destination HOST[:PORT]: no ']' after the IPv6 address"), r.stderr)
        let port = try Executable.run("wallboard-publish", ["simulate", "--duration", "0", "--to", "10.231.1.11:http"])
        XCTAssertTrue(port.stderr.contains("'http' is not a port number"), port.stderr)
        // listen receives: a destination there would silently mean nothing.
        let listen = try Executable.run("wallboard-publish", ["listen", "--timeout", "0.1", "--to", "10.231.1.11"])
        XCTAssertEqual(listen.status, 2, listen.stderr)
        XCTAssertTrue(listen.stderr.contains("--to: this command receives"), listen.stderr)
    }

    /// A display VLAN without a gateway: no default route, so the kernel's route lookup for the
    /// group finds no interface (`IP_ADD_MEMBERSHIP … No such device` before). The shipped config,
    /// unchanged, must still join — on the one interface that can carry the feed — and say which.
    func testBoardWithoutDefaultRouteJoinsOnAMulticastInterfaceWithTheShippedConfig() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Deploy/wallboard.conf")
        // First an interface that is up, with carrier, but no IPv4 address (lowest index): not a candidate.
        let ns = try lab.machine("board")
        try lab.ip(ns, "link", "add", "eth1", "type", "veth", "peer", "name", "eth1-peer")
        try lab.ip(ns, "link", "set", "eth1-peer", "up")
        try lab.ip(ns, "link", "set", "eth1", "up")
        try lab.plug(ns, "eth0", into: segment, port: "p-board")
        try lab.address(ns, "eth0", "10.231.1.11/24")
        XCTAssertThrowsError(try lab.run(in: ns, ["ip", "route", "get", "239.192.0.99"]), "no route to the group on this board")
        // The shipped file as installed; only the PNG stand-in for the screen is drawn smaller, to be quick.
        let config = try String(contentsOf: shipped, encoding: .utf8).replacingOccurrences(of: "\nmode = auto", with: "\nmode = 640x360")
        XCTAssertTrue(config.contains("mode = 640x360"))
        let board = try lab.board(on: ns, config: config)
        XCTAssertTrue(board.waitForLog("feed: joined 239.192.0.99 on eth0: no route to the group", timeout: 10), board.log)
        try lab.start(in: try host("pub", 21), [publish, "simulate", "--publisher", "acd-a", "--interval", "0.5"], log: "pub.log")
        XCTAssertTrue(waitUntil(30, every: 0.1) { board.accepted(from: "acd-a") >= 2 }, "\(board.status()?.feedSource ?? "") \(board.log)")
        XCTAssertTrue(board.status()?.feedSource.contains("joined on eth0") ?? false, board.status()?.feedSource ?? "")
    }
}
