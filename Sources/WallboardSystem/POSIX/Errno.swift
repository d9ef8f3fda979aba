#if canImport(Glibc)
import Glibc
#endif

/// Why a system call failed: errno as a typed error. Every edge reports a failed call through this
/// one type (the shape of swift-system's `Errno`), so the text is the same everywhere:
/// "Permission denied", as strerror(3) says it.
public struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    /// The errno value, e.g. `EACCES`.
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    /// What the last failed call left in errno (read it before making another call).
    public static var current: Errno { Errno(errno) }

    public var description: String { String(cString: strerror(code)) }

    public static let interrupted = Errno(EINTR)
    public static let wouldBlock = Errno(EAGAIN)
    public static let brokenPipe = Errno(EPIPE)
    public static let notPermitted = Errno(EPERM)
    public static let accessDenied = Errno(EACCES)
    public static let busy = Errno(EBUSY)
    public static let noSuchFile = Errno(ENOENT)
    public static let fileTooLarge = Errno(EFBIG)
    public static let notImplemented = Errno(ENOSYS)
    public static let notSupported = Errno(EOPNOTSUPP)
    public static let invalidArgument = Errno(EINVAL)
    public static let noBufferSpace = Errno(ENOBUFS)
    public static let ioError = Errno(EIO)

    /// True for "try again later" on a non-blocking descriptor (EAGAIN, which is EWOULDBLOCK on Linux).
    public var isWouldBlock: Bool { code == EAGAIN || code == EWOULDBLOCK }
    /// True when the caller lacks the right (EACCES, EPERM): a lost DRM master, a file owned by someone else.
    public var isPermission: Bool { code == EACCES || code == EPERM }
}

/// Calls a C function that reports failure as a negative result with errno set (open, read, write,
/// ioctl, and libdrm's calls), again while it fails with EINTR if `retryOnInterrupt` (a signal
/// arrived mid-call: nothing went wrong). Returns the result, or throws the errno. The one place
/// the EINTR loop is written (swift-system's `valueOrErrno(retryOnInterrupt:)` has the same shape).
@inlinable
public func valueOrErrno<Result: FixedWidthInteger>(
    retryOnInterrupt: Bool = true, _ call: () -> Result
) throws(Errno) -> Result {
    while true {
        let result = call()
        if result >= 0 { return result }
        let failure = Errno.current
        if retryOnInterrupt && failure == .interrupted { continue }
        throw failure
    }
}

/// `valueOrErrno` for calls whose only success value is 0 (fsync, rename, bind, ioctl...).
@inlinable
public func nothingOrErrno<Result: FixedWidthInteger>(
    retryOnInterrupt: Bool = true, _ call: () -> Result
) throws(Errno) {
    _ = try valueOrErrno(retryOnInterrupt: retryOnInterrupt, call)
}
