import Glibc
import XCTest
@testable import WallboardSystem

/// `--to HOST[:PORT]`: the unicast destinations a publisher sends to where multicast is not allowed.
final class SocketAddressTests: XCTestCase {
    func testHostsPortsAndIPv6Brackets() throws {
        XCTAssertEqual(try SocketAddress(parsing: "192.0.2.7", defaultPort: 5099).description, "192.0.2.7:5099")
        XCTAssertEqual(try SocketAddress(parsing: "192.0.2.7:6000", defaultPort: 5099).description, "192.0.2.7:6000")
        let v6 = try SocketAddress(parsing: "[2001:db8::7]:6000", defaultPort: 5099)
        XCTAssertEqual(v6.description, "[2001:db8::7]:6000")
        XCTAssertEqual(v6.family, AF_INET6)
        XCTAssertEqual(try SocketAddress(parsing: "2001:db8::7", defaultPort: 5099).description, "[2001:db8::7]:5099")
        XCTAssertEqual(try SocketAddress(parsing: "localhost:6000", defaultPort: 5099).description, "localhost:6000")
    }

    func testWhatCannotBeUsedIsRefusedWithTheReason() {
        func reason(_ text: String) -> String {
            do {
                _ = try SocketAddress(parsing: text, defaultPort: 5099)
                return "accepted"
            } catch { return "\(error)" }
        }
        XCTAssertEqual(reason("192.0.2.7:0"), "'192.0.2.7:0' is not a destination HOST[:PORT]: '0' is not a port number (1–65535)")
        XCTAssertEqual(reason("192.0.2.7:99999"), "'192.0.2.7:99999' is not a destination HOST[:PORT]: '99999' is not a port number (1–65535)")
        XCTAssertEqual(reason("[2001:db8::7"), "'[2001:db8::7' is not a destination HOST[:PORT]: no ']' after the IPv6 address")
        XCTAssertEqual(reason("[2001:db8::7]6000"), "'[2001:db8::7]6000' is not a destination HOST[:PORT]: expected ':PORT' after ']'")
        XCTAssertEqual(reason(":6000"), "':6000' is not a destination HOST[:PORT]: no host")
        XCTAssertTrue(reason("no-such-host.invalid").hasPrefix("'no-such-host.invalid' is not a destination HOST[:PORT]: "))
    }
}
