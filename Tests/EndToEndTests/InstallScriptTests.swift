import Foundation
import Glibc
import XCTest

/// `sudo Deploy/install.sh --no-build` as a user without the package runs it — no DESTDIR, so the
/// user, the /etc/wallboard layout and the enabling are all done — into a Debian 12 root (the
/// shared base root, Deploy/appliance/debian-root.sh) through chroot: no Swift toolchain there,
/// the binaries the .deb ships in the checkout's `.build/release`. Root only (chroot), as CI runs.
final class InstallScriptTests: XCTestCase {
    var chroot: DebianChroot?
    override func tearDown() { chroot?.close() }

    func testInstallWithoutDestdirCreatesTheUserTheLayoutAndEnablesTheUnit() throws {
        let tools = try RequiredTools.find(["debootstrap", "chroot", "dpkg-deb", "tar"], for: "the install.sh test")
        guard geteuid() == 0 else { throw XCTSkip("the install.sh test installs into a chroot: run as root (CI does)") }
        let (dpkgDeb, tar) = (tools[2], tools[3])
        let deb = try DebianPackage.path(for: "the install.sh test")
        let board = try DebianChroot()
        chroot = board
        let root = board.path
        try FileManager.default.createDirectory(atPath: root + "/src/.build/release", withIntermediateDirectories: true)
        // The checkout (its work folders left out: caches), and the release binaries, as the .deb has them.
        let checkout = try AgentProcess.runProgram("/bin/sh", ["-c",
            "\(tar) -C '\(RequiredTools.repositoryRoot)' --exclude='./Deploy/*/work' -cf - ./Deploy ./README.md | \(tar) -C '\(root)/src' -xf -"])
        XCTAssertEqual(checkout.status, 0, checkout.stderr)
        XCTAssertEqual(try AgentProcess.runProgram(dpkgDeb, ["-x", deb, root + "/tmp/deb"]).status, 0)
        for tool in ["wallboard", "wallboardctl", "wallboard-publish"] {
            try FileManager.default.copyItem(atPath: "\(root)/tmp/deb/usr/bin/\(tool)", toPath: "\(root)/src/.build/release/\(tool)")
        }
        func inRoot(_ command: String) throws -> Executable.Result { try board.run(command) }

        let install = try inRoot("cd /src && Deploy/install.sh --no-build")
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        XCTAssertTrue(install.stdout.contains("installed and enabled (systemd is not running here"), install.stdout)
        XCTAssertEqual(try inRoot("stat -c '%U:%G %a' /usr/bin/wallboard /usr/bin/wallboardctl /usr/bin/wallboard-publish").stdout,
                       String(repeating: "root:root 755\n", count: 3))
        XCTAssertEqual(try inRoot("stat -c '%U:%G %a' /etc/wallboard /etc/wallboard/wallboard.conf").stdout,
                       "root:wallboard 2775\nroot:wallboard 664\n", "the layout that lets the agent save threshold set")
        let groups = try inRoot("id -nG wallboard").stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        XCTAssertEqual(Set(groups), ["wallboard", "video", "audio"], "video for the display, audio for the alarm tone")
        XCTAssertEqual(try inRoot("systemctl is-enabled wallboard.service").stdout, "enabled\n", "enabled offline: starts at first boot")
        XCTAssertEqual(try inRoot("ls /usr/share/wallboard/fonts/ | grep -c -i 'b612'").status, 0, "the font link resolves to Debian's B612")
        let check = try inRoot("/usr/bin/wallboardctl check-config /etc/wallboard/wallboard.conf")
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        // The agent's user can save a threshold there: write a file and rename it over the config.
        let save = try inRoot("runuser -u wallboard -- sh -c 'cp /etc/wallboard/wallboard.conf /etc/wallboard/.t && mv /etc/wallboard/.t /etc/wallboard/wallboard.conf'")
        XCTAssertEqual(save.status, 0, save.stderr)

        // Run again over an edited config: the edit is kept.
        XCTAssertEqual(try inRoot("echo '# edited on the board' >> /etc/wallboard/wallboard.conf").status, 0)
        let again = try inRoot("cd /src && Deploy/install.sh --no-build")
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stderr.contains("keeping the existing /etc/wallboard/wallboard.conf"), again.stderr)
        XCTAssertTrue(try inRoot("tail -1 /etc/wallboard/wallboard.conf").stdout.contains("edited on the board"))
    }
}
