#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that a reader — or a power cut — sees either the whole old file or the whole
/// new one, never a mix: write a temporary file in the same directory, fsync it, rename it over the
/// target, then fsync the directory so the rename itself is on disk. The one atomic writer: configs
/// and PNG snapshots both go through it.
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
        if existed {
            do { try nothingOrErrno { faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) } } catch { throw error.file("replace", path) }
        }
        let mode = existed ? old.st_mode & 0o7777 : newFileMode

        // A unique name in the same directory (rename is only atomic within one filesystem).
        var template = Array("\(directory)/.\(Self.base(of: path)).tmp-XXXXXX".utf8CString)
        let created: Int32
        do { created = try valueOrErrno { template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) } } }
        catch { throw error.file("create a temporary file in", directory) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }

        try FileDescriptor(rawValue: created).closeAfter { (fd) throws(FileError) in
            // Ownership first: a chown by a non-root writer may clear mode bits.
            if existed { try keepOwnership(of: old, on: fd, path: path) }
            do throws(Errno) { try nothingOrErrno { fchmod(fd.rawValue, mode) } } catch { throw error.file("set the mode of", temporary) }
            do throws(Errno) { try fd.writeAll(bytes) } catch { throw error.file("write", temporary) }
            if durable {
                do throws(Errno) { try fd.sync() } catch { throw error.file("flush", temporary) }
            }
        }
        do { try nothingOrErrno { rename(temporary, path) } } catch { throw error.file("rename a temporary file over", path) }
        renamed = true
        guard durable else { return }

        let directoryFD: FileDescriptor
        do { directoryFD = try .open(directory, O_RDONLY | O_DIRECTORY) } catch { throw error.file("open the directory", directory) }
        try directoryFD.closeAfter { (fd) throws(FileError) in
            do throws(Errno) { try fd.sync() } catch { throw error.file("flush the directory", directory) }
        }
    }

    /// Owner and group of the old file onto the new one: both when allowed (root), else the group
    /// alone (a member may hand its file to its group); a group that cannot be kept is an error,
    /// since the mode's group bits would then apply to another group.
    private static func keepOwnership(of old: stat, on fd: FileDescriptor, path: String) throws(FileError) {
        if old.st_uid == geteuid() && old.st_gid == getegid() { return }
        do { try nothingOrErrno { fchown(fd.rawValue, old.st_uid, old.st_gid) }; return } catch {
            guard error == .notPermitted else { throw error.file("keep the owner of", path) }
        }
        if old.st_gid == getegid() { return }
        do { try nothingOrErrno { fchown(fd.rawValue, uid_t.max, old.st_gid) } } catch { throw error.file("keep the group of", path) }
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
