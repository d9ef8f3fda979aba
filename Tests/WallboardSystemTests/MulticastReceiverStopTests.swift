import Dispatch
import WallboardCore
import XCTest

@testable import WallboardSystem

/// Found by the QEMU harness: the agent stopped its feed from the receiver's own queue on SIGTERM
/// and `queue.sync` trapped ("Illegal instruction"), so the agent never exited cleanly.
final class MulticastReceiverStopTests: XCTestCase {
    func testStopFromTheReceiversOwnQueueReturns() throws {
        let queue = DispatchQueue(label: "own")
        let endpoint = MulticastEndpoint(
            group: "239.192.\(UInt8.random(in: 1...254)).\(UInt8.random(in: 1...254))",
            port: UInt16.random(in: 20_000...60_000), interface: "lo")
        let receiver = try MulticastReceiver(endpoint: endpoint, queue: queue) { _ in }
        receiver.start()
        let stopped = expectation(description: "stopped on its own queue")
        queue.async {
            receiver.stop()
            stopped.fulfill()
        }
        wait(for: [stopped], timeout: 5)
        receiver.stop()  // and again from another thread: still fine
    }
}
