import Foundation
import Glibc
import WallboardTestSupport
import XCTest

import WallboardSystem

/// A force with two sites: the second site's segment sits behind a multicast router (a namespace
/// running Debian's smcroute with one static route for the feed's group). The publisher's TTL
/// decides how far the feed travels: 1 stays on its own segment, 2 crosses one router.
final class NetworkRoutingTests: XCTestCase {
    func testASecondSiteBehindAMulticastRouterReceivesTheFeedPublishedWithTTL2() throws {
        if let reason = NetworkLab.unavailableReason(needing: ["smcrouted"]) { throw XCTSkip(reason) }
        let lab = try NetworkLab()
        defer { lab.shutDown() }
        let site1 = try lab.switchMachine("site1")
        let site2 = try lab.switchMachine("site2")
        let router = try lab.machine("router")
        try lab.plug(router, "eth0", into: site1, port: "p-router")
        try lab.address(router, "eth0", "10.231.1.254/24")
        try lab.plug(router, "eth1", into: site2, port: "p-router")
        try lab.address(router, "eth1", "10.231.2.254/24")
        try lab.run(in: router, ["sysctl", "-qw", "net.ipv4.ip_forward=1"])
        // The README's two-site example: one static route for the feed's group, site 1 to site 2.
        let conf = lab.directory + "/smcroute.conf"
        try "mroute from eth0 group 239.192.0.99 to eth1\n".write(toFile: conf, atomically: true, encoding: .utf8)
        try lab.start(
            in: router, ["smcrouted", "-n", "-f", conf, "-u", lab.directory + "/smcroute.sock", "-P", lab.directory + "/smcroute.pid",
                         "-l", "info"],
            log: "smcroute.log")

        func machine(_ name: String, on site: String, _ address: String, gateway: String) throws -> String {
            let ns = try lab.machine(name)
            try lab.plug(ns, "eth0", into: site, port: "p-\(name)")
            try lab.address(ns, "eth0", address)
            try lab.ip(ns, "route", "add", "default", "via", gateway)
            return ns
        }
        let config = """
            [feed]
            group = 239.192.0.99
            port = 5099

            [display]
            mode = 640x360
            """
        let boards = try lab.boards(
            on: [try machine("board1", on: site1, "10.231.1.11/24", gateway: "10.231.1.254"),
                 try machine("board2", on: site2, "10.231.2.11/24", gateway: "10.231.2.254")],
            config: config)
        let (local, remote) = (boards[0], boards[1])
        let pub = try machine("pub", on: site1, "10.231.1.21/24", gateway: "10.231.1.254")
        XCTAssertTrue(waitUntil(30, every: 0.1) { lab.read("smcroute.log").contains("Ready, waiting for client request") },
                      "smcrouted ready: \(lab.read("smcroute.log"))")
        let routes = try lab.run(in: router, ["smcroutectl", "-u", lab.directory + "/smcroute.sock", "show", "routes"])
        XCTAssertTrue(routes.contains("(*, 239.192.0.99)") && routes.contains("eth0  eth1"), routes)
        let publish = Executable.url("wallboard-publish").path

        // TTL 1 (the default): this segment only. The router does not pass it on.
        try lab.run(in: pub, [publish, "simulate", "--publisher", "acd-ttl1", "--interval", "0.25", "--duration", "2"])
        XCTAssertTrue(waitUntil(30, every: 0.1) { local.accepted(from: "acd-ttl1") >= 3 }, local.log)
        XCTAssertEqual(remote.accepted(from: "acd-ttl1"), 0, "TTL 1 must not cross the router")

        // TTL 2: one router crossed, the second site's board shows the feed.
        try lab.start(in: pub, [publish, "simulate", "--publisher", "acd-a", "--interval", "0.5", "--ttl", "2"], log: "pub.log")
        XCTAssertTrue(
            waitUntil(30, every: 0.1) { remote.accepted(from: "acd-a") >= 3 },
            "site 2: \(remote.status()?.feedSource ?? "") \(lab.read("smcroute.log")) \((try? lab.run(in: router, ["ip", "mroute", "show"])) ?? "")")
        XCTAssertTrue(local.accepted(from: "acd-a") >= 3)
        XCTAssertEqual(remote.following, "acd-a")
    }
}
