import Foundation
import Glibc
import WallboardTestSupport
import XCTest

import WallboardSystem

/// IPv6 delivery, publisher to board, between two machines joined by a cable (a veth pair): the
/// host's own loopback has no IPv6 multicast route, a real link does. Group ff15::99 (site-local
/// scope, transient), as the README names.
final class NetworkIPv6Tests: XCTestCase {
    func testAnIPv6GroupFeedAndIPv6UnicastReachTheBoard() throws {
        if let reason = NetworkLab.unavailableReason() { throw XCTSkip(reason) }
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/proc/net/if_inet6"), "IPv6 is disabled in this kernel")
        let lab = try NetworkLab()
        defer { lab.shutDown() }
        let pub = try lab.machine("pub")
        let boardNS = try lab.machine("board")
        try lab.cable(pub, "eth0", boardNS, "eth0")
        try lab.address(pub, "eth0", "fd00:231::21/64")
        try lab.address(boardNS, "eth0", "fd00:231::11/64")
        for ns in [pub, boardNS] { try lab.ip(ns, "-6", "route", "add", "ff00::/8", "dev", "eth0", "table", "main") }
        let key = try lab.keyFile("v6-secret")

        // No interface named: the route for ff00::/8 leads both ends to eth0.
        let board = try lab.board(on: boardNS, config: """
            [feed]
            group = ff15::99
            port = 5099
            key_file = \(key)
            key_id = floor-1

            [display]
            mode = 640x360
            """)
        let publish = Executable.url("wallboard-publish").path
        let signed = ["--key", key, "--key-id", "floor-1", "--interval", "0.5"]
        try lab.start(in: pub, [publish, "simulate", "--group", "ff15::99", "--publisher", "acd-v6"] + signed, log: "pub.log")
        XCTAssertTrue(waitUntil(30, every: 0.1) { board.accepted(from: "acd-v6") >= 3 },
                      "\(board.status()?.feedSource ?? "") \(board.log) \(lab.read("pub.log"))")
        XCTAssertTrue(board.status()?.feedSource.contains("[ff15::99]:5099") ?? false, board.status()?.feedSource ?? "")
        XCTAssertTrue(board.log.contains("feed: joined ff15::99"), board.log)

        // The unicast fallback over IPv6: straight to the board's address, same port, same key.
        try lab.start(in: pub, [publish, "simulate", "--publisher", "acd-v6-unicast", "--to", "[fd00:231::11]:5099"] + signed,
                      log: "unicast.log")
        XCTAssertTrue(waitUntil(30, every: 0.1) { board.accepted(from: "acd-v6-unicast") >= 3 }, lab.read("unicast.log"))
        XCTAssertEqual(board.status()?.drops ?? ["no status": 1], [:])
    }
}
