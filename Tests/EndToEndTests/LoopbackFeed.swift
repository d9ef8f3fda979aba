import Foundation
import Glibc
import XCTest

import WallboardCore
import WallboardSystem

/// The feed end of an agent end-to-end test, set up once for all of them: a multicast group and port
/// of the test's own on loopback (interface lo, TTL 0: nothing leaves this host), a directory for key
/// files, the `[feed]` section naming them, an agent started on it and waited for until it has
/// joined, and the two ways a test publishes — the real `wallboard-publish send`, or raw bytes.
final class LoopbackFeed {
    let group: String
    let port: Int
    let directory: String

    init() throws {
        // A group and port per test, so parallel runs and other agents do not cross.
        group = "239.192.\(Int.random(in: 1...99)).\(Int.random(in: 1...250))"
        port = Int.random(in: 20_000...60_000)
        directory = NSTemporaryDirectory() + "wb-loopback-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes a key file in the test's directory and returns its path.
    func keyFile(_ name: String, secret: String) throws -> String {
        let path = directory + "/" + name
        try (secret + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A whole config: `[feed]` on this group with `feedLines` (key settings) added, a small display.
    func config(_ feedLines: [String] = []) -> String {
        (["[feed]", "group = \(group)", "port = \(port)", "interface = lo"] + feedLines + ["", "[display]", "mode = 640x360"])
            .joined(separator: "\n")
    }

    /// An agent (not simulating) on this feed, ready and joined to the group.
    func startAgent(_ feedLines: [String] = []) throws -> AgentProcess {
        let agent = try AgentProcess(configText: config(feedLines), simulate: false)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        // The receiver retries the join in the background.
        let status = try agent.waitForStatus(containing: ", joined")
        XCTAssertTrue(status.contains(", joined"), status)
        return agent
    }

    /// `wallboard-publish send ARGUMENTS` to this group, with `stdin` as its input.
    func publish(_ arguments: [String], stdin: String) throws -> Executable.Result {
        try Executable.run(
            "wallboard-publish",
            ["send"] + arguments + ["--group", group, "--port", "\(port)", "--interface", "lo", "--ttl", "0"], stdin: stdin)
    }

    /// A sender for datagrams a test builds itself (encoded, or bytes no encoder would make).
    func sender() throws -> MulticastSender {
        try MulticastSender(endpoint: MulticastEndpoint(group: group, port: UInt16(port), interface: "lo"), ttl: 0, loopback: true)
    }
}
