import Foundation
import Glibc
import XCTest

import WallboardCore
@testable import WallboardSystem

/// A real datagram socket standing in for systemd's notify socket.
private final class NotifyListener {
    let fd: Int32
    let name: String

    init(path: String) throws {
        name = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        let address = try XCTUnwrap(UnixAddress(path))
        let bound = address.withSockaddr { bind(fd, $0, $1) }
        XCTAssertEqual(bound, 0, "bind \(path): \(String(cString: strerror(errno)))")
        var limit = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }
    deinit { close(fd) }

    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : nil
    }
}

final class SystemdNotifierTests: XCTestCase {
    func testSendsReadyStatusAndWatchdogToAFilesystemSocket() throws {
        let dir = TemporaryDirectory()
        let listener = try NotifyListener(path: dir.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name, "WATCHDOG_USEC": "20000000"])
        XCTAssertTrue(notifier.isEnabled)
        XCTAssertEqual(notifier.watchdogInterval, 10)
        notifier.ready(status: "drawing to png")
        XCTAssertEqual(listener.receive(), "READY=1\nSTATUS=drawing to png")
        notifier.watchdog()
        XCTAssertEqual(listener.receive(), "WATCHDOG=1")
    }

    func testAbstractNamespaceSocket() throws {
        let name = "@wallboard-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let listener = try NotifyListener(path: name)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
        XCTAssertTrue(notifier.send("STATUS=abstract"))
        XCTAssertEqual(listener.receive(), "STATUS=abstract")
    }

    func testWithoutNotifySocketNothingIsSentAndNoWatchdog() {
        let notifier = SystemdNotifier(environment: [:])
        XCTAssertFalse(notifier.isEnabled)
        XCTAssertFalse(notifier.send("READY=1"))
        XCTAssertNil(notifier.watchdogInterval)
    }

    func testWatchdogMeantForAnotherProcessIsIgnored() {
        let notifier = SystemdNotifier(environment: ["WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "\(getpid() + 1)"])
        XCTAssertNil(notifier.watchdogInterval)
        let ours = SystemdNotifier(environment: ["WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "\(getpid())"])
        XCTAssertEqual(ours.watchdogInterval, 0.5)
    }

    /// A notify socket nobody reads fills after a few datagrams (net.unix.max_dgram_qlen); the agent
    /// sends from its event loop, so a blocking send froze the whole board (seen: a reload's STATUS
    /// line hung the agent under `swift test`, no frames, no control socket, SIGINT unanswered).
    func testAReaderThatNeverReadsNeverBlocksTheSender() throws {
        let dir = TemporaryDirectory()
        let listener = try NotifyListener(path: dir.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name])
        let done = DispatchSemaphore(value: 0)
        let results = LockedValue([Bool]())
        Thread.detachNewThread {
            for i in 0..<200 { let ok = notifier.send("STATUS=update \(i)"); results.withLock { $0.append(ok) } }
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "200 notifications to a full socket must not block")
        let sent = results.value
        XCTAssertEqual(sent.count, 200)
        XCTAssertTrue(sent.first ?? false, "the first ones fit the queue")
        XCTAssertTrue(sent.contains(false), "the rest are dropped, not waited for")
        XCTAssertEqual(listener.receive(), "STATUS=update 0")
    }
}
