import Glibc
import XCTest
@testable import WallboardSystem

/// Which interface a board with no route to the group joins on.
final class MulticastInterfaceChoiceTests: XCTestCase {
    typealias C = MulticastInterfaceChoice.Candidate

    func candidate(_ name: String, _ index: UInt32, up: Bool = true, running: Bool = true, multicast: Bool = true,
                   loopback: Bool = false, v4: Bool = true, v6: Bool = true) -> C {
        C(name: name, index: index, isUp: up, isRunning: running, isMulticast: multicast, isLoopback: loopback, hasIPv4: v4, hasIPv6: v6)
    }

    func testUpMulticastNonLoopbackWithAnAddressOfTheFamilyLowestIndexWins() {
        let list = [
            candidate("lo", 1, loopback: true),
            candidate("wlan0", 2, up: false),
            candidate("dummy0", 3, multicast: false),
            candidate("eth1", 4, v4: false),  // no IPv4 address: cannot carry an IPv4 group
            candidate("eth0", 5),
            candidate("eth2", 6),
        ]
        XCTAssertEqual(MulticastInterfaceChoice.choose(from: list, family: AF_INET)?.name, "eth0")
        XCTAssertEqual(MulticastInterfaceChoice.choose(from: list, family: AF_INET6)?.name, "eth1")
    }

    func testAnInterfaceWithCarrierBeatsOneWithoutAndNothingSuitableIsNil() {
        let list = [candidate("eth0", 2, running: false), candidate("eth1", 3)]
        XCTAssertEqual(MulticastInterfaceChoice.choose(from: list, family: AF_INET)?.name, "eth1")
        XCTAssertEqual(MulticastInterfaceChoice.choose(from: [list[0]], family: AF_INET)?.name, "eth0")
        XCTAssertNil(MulticastInterfaceChoice.choose(from: [candidate("lo", 1, loopback: true)], family: AF_INET))
    }

    /// This machine's own list: loopback is found and flagged, so it is never the choice.
    func testTheMachinesInterfacesAreListedWithTheirFlags() {
        let all = MulticastInterfaceChoice.candidates()
        let lo = all.first { $0.name == "lo" }
        XCTAssertEqual(lo?.isLoopback, true, "\(all)")
        XCTAssertEqual(lo?.hasIPv4, true, "\(all)")
        XCTAssertNotEqual(MulticastInterfaceChoice.choose(from: all, family: AF_INET)?.name, "lo")
    }
}
