import XCTest
@testable import WallboardCore

/// `[feed]` keys: `key = ID PATH` (repeatable, for roll-over) and the single-key form
/// `key_file` + `key_id`, with the one default id `FeedKey.defaultID`.
final class ConfigFeedKeysTests: XCTestCase {
    func testKeyFileAloneTakesTheDefaultIDThatWallboardPublishSignsWith() throws {
        let c = try WallboardConfig(parsing: "[feed]\nkey_file = /etc/wallboard/feed.key\n")
        XCTAssertEqual(c.feed.keys, [FeedKeySource(id: "default", path: "/etc/wallboard/feed.key")])
        XCTAssertEqual(FeedKey.defaultID, "default")
        XCTAssertEqual(try WallboardConfig(parsing: "").feed.keys, [], "no key: unsigned feeds accepted")
    }

    func testSeveralKeysInFileOrderWithTheSingleKeyForm() throws {
        let c = try WallboardConfig(parsing: """
            [feed]
            key = floor-2025 /etc/wallboard/2025.key
            key_id = floor-1
            key_file = /etc/wallboard/feed.key
            key = floor-2026\t/etc/wallboard/2026.key
            """)
        XCTAssertEqual(c.feed.keys, [
            FeedKeySource(id: "floor-2025", path: "/etc/wallboard/2025.key"),
            FeedKeySource(id: "floor-1", path: "/etc/wallboard/feed.key"),
            FeedKeySource(id: "floor-2026", path: "/etc/wallboard/2026.key"),
        ])
    }

    func testKeyMistakesAreRefusedWithTheirLine() {
        let table: [(String, String, UInt)] = [
            ("[feed]\nkey = a /k1\nkey = a /k2\n", "t.conf:3:7: key id 'a' is already given on line 2; each key needs its own id", #line),
            ("[feed]\nkey = default /k1\nkey_file = /k2\n",
             "t.conf:3:1: key id 'default' is already given on line 2; each key needs its own id", #line),
            ("[feed]\nkey_id = floor-1\n",
             "t.conf:2:10: 'key_id' (floor-1) names the key in 'key_file', but there is no key_file; add key_file, or use key = floor-1 PATH", #line),
            ("[feed]\nkey = /etc/wallboard/feed.key\n",
             "t.conf:2:7: 'key': '/etc/wallboard/feed.key' is not a key id and the absolute path of its key file, like floor-2 /etc/wallboard/feed-2.key", #line),
            ("[feed]\nkey = a relative.key\n",
             "t.conf:2:7: 'key': 'a relative.key' is not a key id and the absolute path of its key file, like floor-2 /etc/wallboard/feed-2.key", #line),
            ("[feed]\nkey_id = 100%\nkey_file = /k\n",
             "t.conf:2:10: 'key_id': '100%' is not a key id like floor-1 (1 to 64 printable ASCII characters, no spaces or %)", #line),
            ("[feed]\nkey_file = /k\nkey_file = /j\n", "t.conf:3:1: 'key_file' is set twice (first on line 2); keep one", #line),
        ]
        for (text, expected, line) in table {
            XCTAssertThrowsError(try WallboardConfig(parsing: text, file: "t.conf"), line: line) { error in
                XCTAssertEqual("\(error)", expected, line: line)
            }
        }
    }
}
