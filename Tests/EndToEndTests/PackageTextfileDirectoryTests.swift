import Foundation
import Glibc
import XCTest

/// The real .deb where prometheus-node-exporter is installed (the base root has it): the agent, as
/// `wallboard`, writes its metrics into node_exporter's textfile directory through a temporary file
/// and a rename, which that package's root:root 0755 forbade. The postinst sets a dpkg stat
/// override (root:wallboard 2775, kept through node_exporter's upgrades); purge gives it back.
final class PackageTextfileDirectoryTests: XCTestCase {
    var chroot: DebianChroot?
    override func tearDown() { chroot?.close() }

    func testThePackageLetsTheAgentWriteIntoNodeExportersTextfileDirectory() throws {
        _ = try RequiredTools.find(["debootstrap", "chroot"], for: "the textfile directory test")
        guard geteuid() == 0 else { throw XCTSkip("the textfile directory test installs into a chroot: run as root (CI does)") }
        let deb = try DebianPackage.path(for: "the textfile directory test")
        let board = try DebianChroot()
        chroot = board
        let directory = "/var/lib/prometheus/node-exporter"
        XCTAssertEqual(try board.run("stat -c '%U:%G %a' \(directory)").stdout, "root:root 755\n", "as prometheus-node-exporter ships it")
        try FileManager.default.copyItem(atPath: deb, toPath: board.path + "/tmp/wallboard.deb")
        let install = try board.run("DEBIAN_FRONTEND=noninteractive dpkg -i /tmp/wallboard.deb")
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)

        XCTAssertEqual(try board.run("stat -c '%U:%G %a' \(directory)").stdout, "root:wallboard 2775\n")
        XCTAssertEqual(try board.run("dpkg-statoverride --list \(directory)").stdout, "root wallboard 2775 \(directory)\n")
        // The agent's way: a dot-file, then a rename over wallboard.prom.
        let write = try board.run("runuser -u wallboard -- sh -c 'echo wallboard_up 1 > \(directory)/.wallboard.tmp && mv \(directory)/.wallboard.tmp \(directory)/wallboard.prom'")
        XCTAssertEqual(write.status, 0, write.stderr)
        XCTAssertEqual(try board.run("stat -c '%U:%G' \(directory)/wallboard.prom").stdout, "wallboard:wallboard\n")

        let purge = try board.run("DEBIAN_FRONTEND=noninteractive dpkg --purge wallboard")
        XCTAssertEqual(purge.status, 0, purge.stdout + purge.stderr)
        XCTAssertEqual(try board.run("dpkg-statoverride --list \(directory)").status, 1, "the override is forgotten")
        XCTAssertEqual(try board.run("stat -c '%U:%G %a' \(directory)").stdout, "root:root 755\n")
    }
}
