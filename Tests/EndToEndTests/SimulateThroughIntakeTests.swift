import Foundation
import Glibc
import XCTest

/// `--simulate` takes the real path: the simulator's reports are encoded as datagrams, signed with
/// the board's key, and go through decode, signature, replay window and arbitration, so status
/// shows them as accepted datagrams from publisher `simulator` (before, the simulated floor fed
/// the board directly and status invented its counts).
final class SimulateThroughIntakeTests: XCTestCase {
    func testSimulatedFloorArrivesAsSignedAcceptedDatagrams() throws {
        let keyPath = "/tmp/wb-sim-key-\(getpid())"
        try "simulated floor key\n".write(toFile: keyPath, atomically: true, encoding: .utf8)
        defer { unlink(keyPath) }
        let agent = try AgentProcess(configText: "[feed]\nkey = sim-key \(keyPath)\n[display]\nmode = 640x360\n")
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        var status = ""
        for _ in 0..<60 {
            status = try agent.ctl(["status"]).stdout
            if status.contains("accepted 3") || status.contains(" 3 accepted") { break }
            usleep(250_000)
        }
        XCTAssertTrue(status.contains("keys:     sim-key"), status)
        XCTAssertTrue(status.contains("* simulator: last seen"), status)
        XCTAssertTrue(status.contains("signed with sim-key"), status)
        XCTAssertTrue(status.contains("rejected: none"), status)
        let json = try agent.ctl(["status", "--json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let datagrams = try XCTUnwrap(object["datagrams"] as? [String: Any])
        XCTAssertGreaterThanOrEqual(datagrams["received"] as? Int ?? 0, 3, "\(datagrams)")
        XCTAssertEqual(datagrams["received"] as? Int, datagrams["applied"] as? Int, "\(datagrams)")
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }
}
