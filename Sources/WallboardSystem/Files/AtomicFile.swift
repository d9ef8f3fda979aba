#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that a reader — or a power cut — sees either the whole old file or the whole
/// new one, never a mix: write a temporary file in the same directory, fsync it, rename it over the
/// target, then fsync the directory so the rename itself is on disk.
///
/// The new file keeps the old one's mode and group (a 0640 config must not become world-readable,
/// and the group is who may edit it). The owner is kept when the writer may give a file away
/// (root); otherwise the writer becomes the owner — the packaged layout (/etc/wallboard root:wallboard
/// 2775, the config 0664) has the unprivileged agent save a supervisor's `threshold set`, and only
/// root may chown to another user. Replacing is refused when the writer could not have written the
/// old file itself: a writable directory must not be a way around a file's own permissions.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String, durable: Bool = true) throws(FileError) {
        try write(Array(text.utf8), to: path, durable: durable)
    }

    /// Writes `bytes` to `path` atomically. New files get mode `newFileMode`. `durable: false` skips
    /// both fsyncs: readers still see only whole files, but a power cut may leave the old one — right
    /// for a file rewritten every few seconds (the metrics), where two syncs each time would only wear
    /// the SD card.
    public static func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644, durable: Bool = true) throws(FileError) {
        let directory = Self.directory(of: path)
        var old = stat()
        let existed = stat(path, &old) == 0
        if existed, faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 {
            throw FileError.system(operation: "replace", path: path, errno: errno)
        }
        let mode = existed ? old.st_mode & 0o7777 : newFileMode

        // A unique name in the same directory (rename is only atomic within one filesystem).
        var template = Array("\(directory)/.\(Self.base(of: path)).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError.system(operation: "create a temporary file in", path: directory, errno: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }

        do {
            defer { close(fd) }
            // Ownership first: a chown by a non-root writer may clear mode bits.
            if existed { try keepOwnership(of: old, on: fd, path: path) }
            guard fchmod(fd, mode) == 0 else { throw FileError.system(operation: "set the mode of", path: temporary, errno: errno) }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { buffer in
                    Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileError.system(operation: "write", path: temporary, errno: errno)
                }
                offset += n
            }
            guard !durable || fsync(fd) == 0 else { throw FileError.system(operation: "flush", path: temporary, errno: errno) }
        }
        guard rename(temporary, path) == 0 else { throw FileError.system(operation: "rename a temporary file over", path: path, errno: errno) }
        renamed = true
        guard durable else { return }

        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { throw FileError.system(operation: "open the directory", path: directory, errno: errno) }
        defer { close(dirfd) }
        guard fsync(dirfd) == 0 else { throw FileError.system(operation: "flush the directory", path: directory, errno: errno) }
    }

    /// Owner and group of the old file onto the new one: both when allowed (root), else the group
    /// alone (a member may hand its file to its group); a group that cannot be kept is an error,
    /// since the mode's group bits would then apply to another group.
    private static func keepOwnership(of old: stat, on fd: Int32, path: String) throws(FileError) {
        if old.st_uid == geteuid() && old.st_gid == getegid() { return }
        if fchown(fd, old.st_uid, old.st_gid) == 0 { return }
        guard errno == EPERM else { throw FileError.system(operation: "keep the owner of", path: path, errno: errno) }
        if old.st_gid == getegid() { return }
        guard fchown(fd, uid_t.max, old.st_gid) == 0 else {
            throw FileError.system(operation: "keep the group of", path: path, errno: errno)
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func base(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
