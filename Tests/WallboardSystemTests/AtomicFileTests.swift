import Foundation
import WallboardTestSupport
import XCTest
@testable import WallboardCore
@testable import WallboardSystem

final class AtomicFileTests: XCTestCase {
    func mode(_ path: String) -> mode_t {
        var s = stat()
        XCTAssertEqual(stat(path, &s), 0)
        return s.st_mode & 0o7777
    }

    func testWritesANewFileAndLeavesNoTemporaries() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("wallboard.conf")
        try AtomicFile.write("[feed]\nport = 5099\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "[feed]\nport = 5099\n")
        XCTAssertEqual(mode(path), 0o644)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["wallboard.conf"])
    }

    func testReplacingKeepsTheOldFilesModeAndReplacesTheInode() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("wallboard.conf")
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o640), 0)
        var before = stat()
        stat(path, &before)
        // A reader holding the old file open still sees the old text: the rename swapped inodes.
        let reader = open(path, O_RDONLY)
        defer { close(reader) }
        try AtomicFile.write(String(repeating: "new ", count: 50_000), to: path)
        var after = stat()
        stat(path, &after)
        XCTAssertNotEqual(before.st_ino, after.st_ino)
        XCTAssertEqual(mode(path), 0o640)
        XCTAssertEqual(after.st_uid, before.st_uid)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8).count, 200_000)
        var old = [UInt8](repeating: 0, count: 8)
        XCTAssertEqual(read(reader, &old, 8), 3)
        XCTAssertEqual(Array(old.prefix(3)), Array("old".utf8))
    }

    func testAFailedWriteLeavesTheOldFileAndNoDebris() throws {
        let dir = TemporaryDirectory()
        let missing = dir.file("no-such-dir/wallboard.conf")
        XCTAssertThrowsError(try AtomicFile.write("x", to: missing)) { error in
            XCTAssertTrue("\(error)".contains("cannot create a temporary file in \(dir.path)/no-such-dir"), "\(error)")
        }
        // Renaming over a directory fails after the temporary was written: it must be cleaned up.
        let target = dir.file("occupied")
        try FileManager.default.createDirectory(atPath: target + "/inside", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("x", to: target))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["occupied"])
    }

    func testSettingAThresholdInAFileOnDisk() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("wallboard.conf")
        let text = "# duty inspector's limits\n[queue \"999\"]\nlongest_wait.red = 20s  # agreed 2026\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let config = try ConfigFile.setThreshold(path, queue: "999", key: "longest_wait.red", value: "45s")
        XCTAssertEqual(config.queue("999").threshold(.longestWait)?.red, 45)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8),
                       "# duty inspector's limits\n[queue \"999\"]\nlongest_wait.red = 45s  # agreed 2026\n")
        // A bad value is refused and the file is untouched.
        XCTAssertThrowsError(try ConfigFile.setThreshold(path, queue: "999", key: "longest_wait.red", value: "soon")) { error in
            XCTAssertEqual("\(error)", "\(path):3:20: 'longest_wait.red': 'soon' is not a duration like 10s, 2m or 1h, at most 24h, or off")
        }
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("= 45s"))
    }

    func testSettingAmberAndRedTogetherOnDisk() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("wallboard.conf")
        try "[queue \"101\"]\n# limits\nwaiting.amber = 10\nwaiting.red = 20\n".write(toFile: path, atomically: false, encoding: .utf8)
        try ConfigFile.setThreshold(path, queue: "101", metric: .waiting, amber: "25", red: "40")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "[queue \"101\"]\n# limits\nwaiting.amber = 25\nwaiting.red = 40\n")
    }

    func testLoadingNamesTheFileInErrors() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("wallboard.conf")
        try "[feed]\nprot = 1\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try ConfigFile.load(path)) { error in
            XCTAssertEqual("\(error)", "\(path):2:1: unknown key 'prot' in [feed]; did you mean 'port'?")
        }
        XCTAssertThrowsError(try ConfigFile.load(dir.file("absent.conf"))) { error in
            XCTAssertEqual("\(error)", "cannot open \(dir.file("absent.conf")): No such file or directory")
        }
    }
}
