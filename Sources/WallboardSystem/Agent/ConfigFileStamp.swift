#if canImport(Glibc)
import Glibc
#endif

/// Identity and modification time of the config file, checked on the 1 Hz tick (one stat(2) a
/// second): an edited or replaced file is reloaded — validated first, like SIGHUP — without anyone
/// having to remember `systemctl reload`.
struct ConfigFileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var seconds: Int
    var nanoseconds: Int

    /// Nil when the file cannot be stat'ed (being replaced right now, or gone).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
    }
}
