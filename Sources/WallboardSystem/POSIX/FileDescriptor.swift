#if canImport(Glibc)
import Glibc
#endif

/// An open file descriptor with the few calls every edge needs, each through `valueOrErrno`:
/// open, read, read-all, write-all, sync, close and close-after (the shape of swift-system's
/// `FileDescriptor`). A plain value: who closes it is up to the owner, and `closeAfter` makes that
/// a scope when the descriptor lives no longer than one function.
public struct FileDescriptor: Hashable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let standardOutput = FileDescriptor(rawValue: 1)
    public static let standardError = FileDescriptor(rawValue: 2)

    /// open(2); `O_CLOEXEC` is always added (no descriptor leaks into a child process).
    public static func open(_ path: String, _ flags: Int32, permissions: mode_t = 0o644) throws(Errno) -> FileDescriptor {
        FileDescriptor(rawValue: try valueOrErrno { Glibc.open(path, flags | O_CLOEXEC, permissions) })
    }

    /// read(2) into `buffer`: how many bytes came, 0 at end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try valueOrErrno { Glibc.read(rawValue, buffer.baseAddress, buffer.count) }
    }

    /// Everything up to end of file; more than `limit` bytes is refused with EFBIG (whole-file readers
    /// read configs and keys, a few kilobytes: a huge file is a mistake, not something to load).
    public func readAll(limit: Int = 1 << 20) throws(Errno) -> [UInt8] {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 16_384, alignment: 1)
        defer { chunk.deallocate() }
        var bytes: [UInt8] = []
        while true {
            let n = try read(into: chunk)
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
            if bytes.count > limit { throw .fileTooLarge }
        }
    }

    /// write(2) until every byte is out: a short write (a pipe, a terminal, a signal) continues
    /// where it stopped.
    public func writeAll(_ bytes: [UInt8]) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let n = try valueOrErrno { bytes.withUnsafeBytes { Glibc.write(rawValue, $0.baseAddress! + offset, $0.count - offset) } }
            if n == 0 { throw .ioError }  // a write that takes nothing would loop for ever
            offset += n
        }
    }

    /// `writeAll` for a socket: send(2) with MSG_NOSIGNAL, so a peer that went away is EPIPE, not SIGPIPE.
    public func sendAll(_ bytes: [UInt8]) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let n = try valueOrErrno {
                bytes.withUnsafeBytes { Glibc.send(rawValue, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            }
            if n == 0 { throw .ioError }
            offset += n
        }
    }

    /// `writeAll` for text, as UTF-8.
    public func writeAll(_ text: String) throws(Errno) { try writeAll(Array(text.utf8)) }

    /// fsync(2): the bytes are on the disk, not only in the page cache.
    public func sync() throws(Errno) { try nothingOrErrno { fsync(rawValue) } }

    /// close(2). Never retried on EINTR: Linux has freed the descriptor whatever close returns, and
    /// a second close could close a descriptor another thread has just been given.
    public func close() throws(Errno) { try nothingOrErrno(retryOnInterrupt: false) { Glibc.close(rawValue) } }

    /// Runs `body` with this descriptor, then closes it, whether `body` returned or threw.
    public func closeAfter<Result, Failure: Error>(_ body: (FileDescriptor) throws(Failure) -> Result) throws(Failure) -> Result {
        defer { try? close() }
        return try body(self)
    }
}
