#if canImport(Glibc)
import Glibc
#endif

/// Who is on the other end of a Unix socket, from the kernel (SO_PEERCRED): it cannot be forged by
/// the client, so the audit log can trust it.
public struct PeerCredentials: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32
    /// The user's login name, if the passwd database knows the uid.
    public var userName: String?

    public init(pid: Int32, uid: UInt32, gid: UInt32, userName: String?) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.userName = userName
    }

    /// Reads the credentials of the peer connected on `fd`; nil if the kernel will not say.
    public static func of(socket fd: Int32) -> PeerCredentials? {
        var credentials = KernelUcred()
        var length = socklen_t(MemoryLayout<KernelUcred>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
            length == socklen_t(MemoryLayout<KernelUcred>.size)
        else { return nil }
        return PeerCredentials(
            pid: credentials.pid, uid: credentials.uid, gid: credentials.gid,
            userName: userName(uid: credentials.uid))
    }

    /// `struct ucred` from <sys/socket.h>, which Swift's Glibc module hides behind _GNU_SOURCE;
    /// the layout (pid_t, uid_t, gid_t) is fixed by the kernel ABI.
    private struct KernelUcred {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    static func userName(uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name
        else { return nil }
        return String(cString: name)
    }

    /// "alice (uid 1000, pid 4242)".
    public var description: String {
        "\(userName ?? "uid \(uid)") (uid \(uid), pid \(pid))"
    }
}
