#if canImport(Glibc)
import Glibc
#endif

/// Small reads of sysfs attribute files: a missing or unreadable file is nil, never an error, since
/// what a board exposes depends on its kernel and firmware.
enum SysfsDirectory {
    /// The names in directory `path` (symlinks included, "." and ".." not); empty when it is absent.
    static func entries(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The file's first line, trimmed (inner runs of blanks become one space); nil when absent or empty.
    static func text(_ path: String) -> String? {
        guard let bytes = try? TextFile.readBytes(path, limit: 4096) else { return nil }
        let line = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    static func number(_ path: String) -> Double? { text(path).flatMap(Double.init) }
}
