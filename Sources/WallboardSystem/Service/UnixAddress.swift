#if canImport(Glibc)
import Glibc
#endif

/// A `sockaddr_un` for a filesystem path, or for Linux's abstract namespace when the path starts
/// with '@' (systemd's notation: the '@' becomes a leading NUL byte).
struct UnixAddress: Sendable {
    private(set) var storage = sockaddr_un()
    /// The length to pass to bind/connect/sendto (abstract names are not NUL-terminated).
    let length: socklen_t

    /// Nil when the path is empty or longer than sun_path (108 bytes).
    init?(_ path: String) {
        var bytes = Array(path.utf8)
        guard !bytes.isEmpty else { return nil }
        let abstract = bytes[0] == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: storage.sun_path)
        guard bytes.count < capacity || (abstract && bytes.count <= capacity) else { return nil }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
        let base = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        length = socklen_t(base + bytes.count + (abstract ? 0 : 1))
    }

    func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }
}
