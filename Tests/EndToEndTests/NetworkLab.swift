import Foundation
import Glibc
import WallboardTestSupport
import XCTest

import WallboardSystem

/// A small control-room network made of Linux network namespaces: each "machine" (board,
/// publisher, router, switch) is a namespace; cables are veth pairs; the switch is a Linux bridge
/// inside its own namespace. Nothing touches the host's own network: every interface and address
/// (10.231.x.x, fd00:231::/64) lives inside namespaces this lab created, and the names carry the
/// test process's pid plus a random tag, so parallel runs never collide. `shutDown()` (also run by
/// `deinit`) stops what the lab started and deletes its namespaces, which removes their interfaces;
/// namespaces left by a crashed run (its pid gone) are deleted by the next lab.
final class NetworkLab {
    static let ipTool = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why these tests cannot run here, or nil.
    static func unavailableReason(needing tools: [String] = []) -> String? {
        guard getuid() == 0 else { return "needs root to create network namespaces (ip netns); CI runs as root" }
        guard ipTool != nil else { return "needs iproute2's ip (Deploy/install-build-deps.sh --test)" }
        for tool in tools where which(tool) == nil { return "needs \(tool) (Deploy/install-build-deps.sh --test)" }
        return nil
    }

    static func which(_ tool: String) -> String? {
        ["/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/"].map { $0 + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let tag: String
    private(set) var namespaces: [String] = []
    private var processes: [Process] = []
    let directory: String

    init() throws {
        Self.removeLeftovers()
        tag = "wbn\(getpid())x\(String(UInt16.random(in: 0...0xffff), radix: 16))"
        directory = "/tmp/\(tag)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o755)
    }

    deinit { shutDown() }

    /// Stops every process the lab started and deletes its namespaces. Safe to call twice.
    func shutDown() {
        for p in processes where p.isRunning {
            kill(p.processIdentifier, SIGTERM)
        }
        for p in processes where p.isRunning {
            let deadline = Date().addingTimeInterval(2)
            while p.isRunning && Date() < deadline { usleep(20_000) }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
        }
        processes = []
        for ns in namespaces.reversed() { _ = try? Self.run([Self.ipTool!, "netns", "delete", ns]) }
        namespaces = []
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// `ip netns exec NS`: what a process is started under to live on that machine.
    func launcher(_ ns: String) -> [String] { [Self.ipTool!, "netns", "exec", ns] }

    /// A new machine: its own namespace with loopback up and IPv6 duplicate-address detection off
    /// (addresses usable at once, not seconds later).
    @discardableResult
    func machine(_ name: String) throws -> String {
        let ns = "\(tag)-\(name)"
        try ip(nil, "netns", "add", ns)
        namespaces.append(ns)
        try ip(ns, "link", "set", "lo", "up")
        try run(in: ns, ["sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0"])
        return ns
    }

    /// A switch: a machine holding bridge `br0`. With `snoopingMembershipInterval`, an IGMP/MLD
    /// snooping switch whose membership entries age out after that many seconds unless the host
    /// reports again, and which nobody ever queries. (A Linux bridge that knows of no querier
    /// floods every group, so it gets its own querier that asks once at start-up, before any
    /// board joins, and then not for an hour: to the boards, the same as a segment without one.)
    @discardableResult
    func switchMachine(_ name: String, snoopingMembershipInterval: Double? = nil) throws -> String {
        let ns = try machine(name)
        var options = ["link", "add", "br0", "type", "bridge"]
        if let interval = snoopingMembershipInterval {
            // Timers in centiseconds.
            options += [
                "mcast_snooping", "1", "mcast_querier", "0", "mcast_igmp_version", "3", "mcast_mld_version", "2",
                "mcast_startup_query_count", "1", "mcast_query_interval", "360000", "mcast_query_response_interval", "100",
                "mcast_membership_interval", "\(Int(interval * 100))",
            ]
        } else {
            options += ["mcast_snooping", "0"]
        }
        try ip(ns, options)
        try ip(ns, "link", "set", "br0", "up")
        // Turned on once the bridge is up (given at creation, the bridge never counts it as present).
        if snoopingMembershipInterval != nil { try ip(ns, "link", "set", "br0", "type", "bridge", "mcast_querier", "1") }
        return ns
    }

    /// A cable from `host`'s interface `interface` to a new port on `switchNS`'s bridge.
    /// `floodUnknownMulticast: false` is what makes a snooping switch go quiet once it prunes a port.
    func plug(_ host: String, _ interface: String, into switchNS: String, port: String, floodUnknownMulticast: Bool = true) throws {
        try ip(host, "link", "add", interface, "type", "veth", "peer", "name", port, "netns", switchNS)
        try ip(switchNS, "link", "set", port, "master", "br0")
        if !floodUnknownMulticast { try run(in: switchNS, ["bridge", "link", "set", "dev", port, "mcast_flood", "off"]) }
        try ip(switchNS, "link", "set", port, "up")
        try ip(host, "link", "set", interface, "up")
    }

    /// A direct cable between two machines.
    func cable(_ a: String, _ aInterface: String, _ b: String, _ bInterface: String) throws {
        try ip(a, "link", "add", aInterface, "type", "veth", "peer", "name", bInterface, "netns", b)
        try ip(a, "link", "set", aInterface, "up")
        try ip(b, "link", "set", bInterface, "up")
    }

    func address(_ ns: String, _ interface: String, _ cidr: String) throws {
        try ip(ns, (cidr.contains(":") ? ["-6"] : []) + ["addr", "add", cidr, "dev", interface] + (cidr.contains(":") ? ["nodad"] : []))
    }

    func ip(_ ns: String?, _ arguments: String...) throws { try ip(ns, arguments) }

    func ip(_ ns: String?, _ arguments: [String]) throws {
        try Self.run([Self.ipTool!] + (ns.map { ["-n", $0] } ?? []) + arguments)
    }

    /// Runs a program on a machine to completion; throws with its output when it fails.
    @discardableResult
    func run(in ns: String, _ command: [String]) throws -> String {
        let program = command[0].hasPrefix("/") ? command[0] : (Self.which(command[0]) ?? command[0])
        return try Self.run(launcher(ns) + [program] + command.dropFirst())
    }

    /// Starts a program on a machine in the background, its output to `log` in the lab's directory;
    /// stopped by `shutDown()`.
    @discardableResult
    func start(in ns: String, _ command: [String], log: String) throws -> Process {
        let program = command[0].hasPrefix("/") ? command[0] : (Self.which(command[0]) ?? command[0])
        let p = Process()
        let full = launcher(ns) + [program] + command.dropFirst()
        p.executableURL = URL(fileURLWithPath: full[0])
        p.arguments = Array(full.dropFirst())
        let path = directory + "/" + log
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        processes.append(p)
        return p
    }

    func stop(_ p: Process) {
        guard p.isRunning else { return }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
    }

    func read(_ log: String) -> String { (try? String(contentsOfFile: directory + "/" + log, encoding: .utf8)) ?? "" }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program to completion; its output, or a failure that carries it.
    @discardableResult
    static func run(_ command: [String]) throws -> String {
        let r = try AgentProcess.runProgram(command[0], Array(command.dropFirst()))
        guard r.status == 0 else {
            throw Failure(description: "\(command.joined(separator: " ")) exited \(r.status): \(r.stdout)\(r.stderr)")
        }
        return r.stdout + r.stderr
    }

    /// Namespaces named by a lab whose process is gone (a crashed or killed test run).
    private static func removeLeftovers() {
        guard let ipTool, let list = try? run([ipTool, "netns", "list"]) else { return }
        for line in list.split(separator: "\n") {
            let name = String(line.split(separator: " ").first ?? "")
            guard name.hasPrefix("wbn"), let x = name.firstIndex(of: "x"), let pid = Int32(name[name.index(name.startIndex, offsetBy: 3)..<x])
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { _ = try? run([ipTool, "netns", "delete", name]) }
        }
    }
}

/// A board on a lab machine: the real agent, as an unprivileged user (nobody), drawing PNG frames.
extension NetworkLab {
    static let boardUser: uid_t = 65534

    func board(on ns: String, config: String) throws -> AgentProcess {
        try boards(on: [ns], config: config)[0]
    }

    /// Several boards, started together (a room's boards boot at once) and each ready.
    func boards(on machines: [String], config: String) throws -> [AgentProcess] {
        let agents = try machines.map {
            try AgentProcess(configText: config, simulate: false, packagedAs: (Self.boardUser, Self.boardUser), launcher: launcher($0))
        }
        for (agent, ns) in zip(agents, machines) where !agent.waitForNotification(containing: "READY=1") {
            throw Failure(description: "board on \(ns) never became ready: \(agent.log)")
        }
        return agents
    }

    /// A key file every lab process (boards run as nobody) can read.
    func keyFile(_ secret: String) throws -> String {
        let path = directory + "/feed.key"
        try (secret + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        return path
    }
}

extension AgentProcess {
    /// What `wallboardctl status` shows, as the control protocol carries it; nil while the agent does not answer.
    func status() -> AgentStatus? {
        try? ControlClient(path: socket, timeout: 20).send(ControlRequest(.status)).status
    }

    /// Datagrams accepted from `publisher` so far (0 before it is heard).
    func accepted(from publisher: String) -> Int {
        status()?.publishers.first { $0.id == publisher }?.accepted ?? 0
    }

    /// The publisher the board follows now.
    var following: String? { status()?.publishers.first { $0.active }?.id }
}

/// Polls until `condition` holds for every item; one that already holds is not asked again (each
/// board's status costs a round trip, seconds on a loaded machine).
func eventuallyEach<T>(_ items: [T], timeout: Double, _ condition: (T) -> Bool) -> Bool {
    var pending = Array(items.indices)
    return waitUntil(timeout, every: 0.1) {
        pending.removeAll { condition(items[$0]) }
        return pending.isEmpty
    }
}
