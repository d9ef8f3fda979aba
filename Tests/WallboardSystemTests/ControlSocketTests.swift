import Dispatch
import Foundation
import Glibc
import WallboardTestSupport
import XCTest

@testable import WallboardSystem

final class ControlSocketTests: XCTestCase {
    func testRequestsAreAnsweredInOrderWithPeerCredentials() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("control")
        let queue = DispatchQueue(label: "test.control")
        let server = try ControlServer(path: path, group: nil, queue: queue) { request, peer in
            XCTAssertEqual(peer.uid, getuid())
            XCTAssertEqual(peer.pid, getpid())
            switch request.command {
            case .message: return ControlResponse(text: "banner: \(request.text ?? "")")
            default: return .failure("unsupported \(request.command.rawValue)")
            }
        }
        queue.sync { server.start() }
        defer { queue.sync { server.stop() } }

        let client = try ControlClient(path: path)
        let first = try client.send(ControlRequest(.message, text: "Major incident: \"M6\" — use 101 online\nline two"))
        XCTAssertEqual(first, ControlResponse(text: "banner: Major incident: \"M6\" — use 101 online\nline two"))
        let second = try client.send(ControlRequest(.reload))
        XCTAssertEqual(second.ok, false)
        XCTAssertEqual(second.error, "unsupported reload")
    }

    func testSocketIsCreatedMode0660AndRemovedOnStop() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("control")
        let queue = DispatchQueue(label: "test.control")
        let oldMask = umask(0)  // even with a permissive umask the socket must not be world-accessible
        defer { umask(oldMask) }
        let server = try ControlServer(path: path, group: nil, queue: queue) { _, _ in ControlResponse() }
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFSOCK)
        XCTAssertEqual(info.st_mode & 0o777, 0o660)
        queue.sync { server.stop() }
        XCTAssertNotEqual(lstat(path, &info), 0, "socket file removed on stop")
    }

    func testAgentNotRunningIsAClearError() {
        let dir = TemporaryDirectory()
        XCTAssertThrowsError(try ControlClient(path: dir.file("control"))) { error in
            XCTAssertEqual(error as? ControlError, .agentNotRunning(path: dir.file("control")))
            XCTAssertTrue("\(error)".contains("not running"))
        }
    }

    func testPermissionDeniedIsAClearError() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("control")
        let queue = DispatchQueue(label: "test.control")
        let server = try ControlServer(path: path, group: nil, queue: queue) { _, _ in ControlResponse() }
        queue.sync { server.start() }
        defer { queue.sync { server.stop() } }
        chmod(path, 0o600 & ~0o200)  // owner read only: connect needs write permission
        guard geteuid() == 0 else {
            XCTAssertThrowsError(try ControlClient(path: path)) { error in
                XCTAssertEqual(error as? ControlError, .permissionDenied(path: path))
            }
            return
        }
        // Root ignores file permissions (CI runs as root): the real client runs as `nobody`, as
        // someone outside the group meets it. A copy in the test's own folder: the build folder
        // may sit where nobody cannot reach (a clone under /root).
        chmod(dir.path, 0o755)
        let ctl = dir.file("wallboardctl")
        try FileManager.default.copyItem(atPath: Bundle.main.bundleURL.appendingPathComponent("wallboardctl").path, toPath: ctl)
        let run = try Subprocess.run("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", ctl, "--socket", path, "status"])
        XCTAssertNotEqual(run.status, 0, run.stdoutText)
        XCTAssertTrue(run.stderr.contains(ControlError.permissionDenied(path: path).description), run.stderr)
    }

    func testStaleSocketIsReplacedButALiveOneIsNot() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("control")
        let queue = DispatchQueue(label: "test.control")
        // A socket file nobody listens on, as a crashed agent leaves behind.
        let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        _ = UnixAddress(path)!.withSockaddr { bind(stale, $0, $1) }
        close(stale)
        let server = try ControlServer(path: path, group: nil, queue: queue) { _, _ in ControlResponse(text: "alive") }
        queue.sync { server.start() }
        defer { queue.sync { server.stop() } }
        XCTAssertEqual(try ControlClient(path: path).send(ControlRequest(.status)).text, "alive")
        XCTAssertThrowsError(try ControlServer(path: path, group: nil, queue: queue) { _, _ in ControlResponse() }) { error in
            XCTAssertEqual(error as? ControlError, .alreadyRunning(path: path))
        }
    }

    func testGarbageLineGetsAnErrorAndTheConnectionStaysUsable() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("control")
        let queue = DispatchQueue(label: "test.control")
        let server = try ControlServer(path: path, group: nil, queue: queue) { _, _ in ControlResponse(text: "fine") }
        queue.sync { server.start() }
        defer { queue.sync { server.stop() } }
        let fd = try ControlClient.connect(path: path, timeout: 5)
        defer { close(fd) }
        let garbage = Array("not json\n{\"command\":\"status\"}\n".utf8)
        _ = garbage.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.filter({ $0 == 10 }).count < 2 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            XCTAssertGreaterThan(n, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        let lines = String(decoding: received, as: UTF8.self).split(separator: "\n")
        XCTAssertTrue(lines[0].contains("\"ok\":false"))
        XCTAssertTrue(lines[1].contains("\"text\":\"fine\""))
    }
}
