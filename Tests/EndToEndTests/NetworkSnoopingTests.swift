import Foundation
import Glibc
import WallboardTestSupport
import XCTest

import WallboardSystem

/// A managed switch that snoops IGMP, has no querier asking, and does not flood groups a port has
/// no member for: it prunes a board's port once the membership interval passes since the board's
/// last report (about 260 s with standard timers; 4 s here, a Linux bridge with the timer
/// shortened), and the board goes quiet. The board must keep its membership alive itself.
final class NetworkSnoopingTests: XCTestCase {
    func testBoardKeepsItsMembershipAliveOnASnoopingSwitchWithoutAQuerier() throws {
        if let reason = NetworkLab.unavailableReason(needing: ["tcpdump"]) { throw XCTSkip(reason) }
        let lab = try NetworkLab()
        defer { lab.shutDown() }
        let segment = try lab.switchMachine("switch", snoopingMembershipInterval: 4)
        let boardNS = try lab.machine("board")
        try lab.plug(boardNS, "eth0", into: segment, port: "p-board", floodUnknownMulticast: false)
        try lab.address(boardNS, "eth0", "10.231.1.11/24")
        let pub = try lab.machine("pub")
        try lab.plug(pub, "eth0", into: segment, port: "p-pub")
        try lab.address(pub, "eth0", "10.231.1.21/24")

        // Every IGMP packet on the board's cable, as the switch port sees it.
        try lab.start(in: segment, ["tcpdump", "-i", "p-board", "-n", "-l", "-tt", "-v", "igmp"], log: "igmp.log")
        XCTAssertTrue(waitUntil(30, every: 0.1) { lab.read("igmp.log").contains("listening on p-board") }, lab.read("igmp.log"))

        let board = try lab.board(on: boardNS, config: """
            [feed]
            group = 239.192.0.99
            port = 5099
            interface = eth0

            [display]
            mode = 640x360
            """)
        let publisher = try lab.start(
            in: pub, [Executable.url("wallboard-publish").path, "simulate", "--publisher", "acd-a", "--interval", "0.5", "--interface", "eth0"],
            log: "pub.log")
        XCTAssertTrue(waitUntil(30, every: 0.1) { board.accepted(from: "acd-a") >= 2 }, board.log)

        // The switch prunes the port 4 s after the join's reports; ~3 s of silence later the board joins again.
        XCTAssertTrue(
            board.waitForLog("feed: no datagram for 3 s: left and joined 239.192.0.99 on eth0 again", timeout: 15),
            board.log + ((try? lab.run(in: segment, ["bridge", "mdb", "show"])) ?? ""))
        let resumed = board.accepted(from: "acd-a")
        XCTAssertTrue(waitUntil(30, every: 0.1) { board.accepted(from: "acd-a") >= resumed + 2 }, "the feed flows again: \(board.log)")

        // Feed silent (publisher gone): the board keeps reporting its membership, at a bounded rate.
        lab.stop(publisher)
        let silentFrom = Date().timeIntervalSince1970
        usleep(6_000_000)
        let silentReports = Self.joinReports(lab.read("igmp.log"), group: "239.192.0.99").filter { $0 > silentFrom + 2.5 }
        XCTAssertFalse(silentReports.isEmpty, "a membership report while the feed is silent:\n\(lab.read("igmp.log"))")
        // One refresh in these 6 s (the next is due 10 s after it): its report and the kernel's one repeat.
        XCTAssertLessThanOrEqual(silentReports.count, 2, lab.read("igmp.log"))
    }

    /// Times of IGMP reports that join `group` (v3 "to_ex"/"is_ex" records, or a v2 report).
    static func joinReports(_ capture: String, group: String) -> [Double] {
        var times: [Double] = []
        var current: Double?
        for line in capture.split(separator: "\n") {
            if let t = Double(line.split(separator: " ").first ?? "") { current = t }
            let joins = line.contains("[gaddr \(group) to_ex") || line.contains("[gaddr \(group) is_ex")
                || (line.contains("igmp v2 report \(group)"))
            if joins, let current { times.append(current) }
        }
        return times
    }
}
