import Foundation
import Glibc
import WallboardRender
import WallboardTestSupport
import XCTest

/// What the alarm and incident end-to-end tests read from a running agent, as a supervisor would:
/// its status as JSON, its sound, `wallboardctl` run as another user, and colours on its screen.
extension AgentProcess {
    /// `wallboardctl status --json`, parsed.
    func statusJSON() throws -> [String: Any] {
        let out = try ctl(["status", "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], out.stdout)
    }

    /// The status's `sound` object.
    func sound() throws -> [String: Any] {
        try XCTUnwrap(try statusJSON()["sound"] as? [String: Any])
    }

    /// `wallboardctl ARGUMENTS` run by a supervisor who is not the agent's user: nobody (uid 65534),
    /// in the control socket's group (root and setpriv needed; the caller skips without them).
    func ctlAsAnotherUser(_ arguments: [String]) throws -> Executable.Result {
        chmod(directory, 0o755)
        var info = stat()
        XCTAssertEqual(stat(socket, &info), 0)
        return try AgentProcess.runProgram(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--groups=\(info.st_gid)", Executable.url("wallboardctl").path, "--socket", socket]
                + arguments)
    }

    /// Pixels of `color` in the agent's current PNG (0 while it has none).
    func pixels(of color: UInt32) -> Int {
        guard let data = FileManager.default.contents(atPath: png), let canvas = try? PNGReader.decode([UInt8](data)) else { return 0 }
        return canvas.pixels.reduce(0) { $0 + ($1 & 0xFFFFFF == color ? 1 : 0) }
    }
}
