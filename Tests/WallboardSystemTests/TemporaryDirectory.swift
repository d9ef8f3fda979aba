import Foundation

/// A fresh directory under /tmp (short path: Unix socket paths are limited to 108 bytes), removed on deinit.
final class TemporaryDirectory {
    let path: String
    init() {
        path = "/tmp/wb-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
}
