import Foundation
import WallboardTestSupport
import XCTest
@testable import WallboardCore

/// The example config shipped in Deploy/ must always be accepted by the parser it documents.
final class ConfigExampleTests: XCTestCase {
    static var examplePath: String {
        // Tests/WallboardCoreTests/ConfigExampleTests.swift → repository root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Deploy/wallboard.conf").path
    }

    func testShippedExampleParses() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let config: WallboardConfig
        do {
            config = try WallboardConfig(parsing: text, file: "Deploy/wallboard.conf")
        } catch {
            return XCTFail("Deploy/wallboard.conf is refused:\n\(error)")
        }
        XCTAssertEqual(config.board.title, "FORCE CONTROL ROOM")
        XCTAssertEqual(config.board.queues, ["999", "101", "CRIME", "ONLINE"])
        XCTAssertEqual(config.queue("999").threshold(.serviceLevel)?.red, 90)
        XCTAssertEqual(config.queue("999").target, 10)
        XCTAssertEqual(config.queue("CRIME").label, "CRIME RECORDING")
        XCTAssertEqual(config.queue("ONLINE").threshold(.extra("unassigned"))?.red, 40)
        XCTAssertEqual(config.display.burnInShift, 300)
        XCTAssertEqual(config.staff.available.red, 1)
        XCTAssertNil(config.feed.staleAfter, "auto")
    }

    /// "Fully commented": every key the parser knows appears in the example (set or commented out).
    func testExampleDocumentsEveryKey() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let lines = text.split(separator: "\n").map { String($0).trimmingSpaces }
        for key in ConfigKeys.feed + ConfigKeys.display + ConfigKeys.board + ConfigKeys.staff + ConfigKeys.metrics + ConfigKeys.alarm {
            XCTAssertTrue(lines.contains { $0.hasPrefix("\(key) =") || $0.hasPrefix("#\(key) =") }, "\(key) is not in the example")
        }
        for word in ConfigKeys.queuePlain + ConfigKeys.thresholdAttributes + Metric.standard.map(\.key) {
            XCTAssertTrue(text.contains(word), "\(word) is not explained in the example")
        }
    }

    /// Every commented-out example line, uncommented all at once, is accepted, and the views name
    /// the example's own queue ids (they are case-sensitive).
    func testEveryCommentedExampleWorksWhenUncommented() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let keys = Set(ConfigKeys.feed + ConfigKeys.display + ConfigKeys.board + ConfigKeys.staff + ConfigKeys.alarm)
        var uncommented = 0
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("#"), let equals = line.firstIndex(of: "="),
                keys.contains(String(line[line.index(after: line.startIndex)..<equals]).trimmingSpaces)
            else { return String(line) }
            uncommented += 1
            return String(line.dropFirst())
        }.joined(separator: "\n")
        XCTAssertGreaterThanOrEqual(uncommented, 10)
        let config: WallboardConfig
        do {
            config = try WallboardConfig(parsing: edited, file: "Deploy/wallboard.conf")
        } catch {
            return XCTFail("an example line in Deploy/wallboard.conf is refused once uncommented:\n\(error)")
        }
        let ids = Set(config.queues.map(\.id))
        XCTAssertFalse(config.display.views.isEmpty)
        for name in config.display.views.flatMap({ $0 }) {
            switch AlarmSubject(name: name) {
            case .queue(let id):
                XCTAssertTrue(ids.contains(id), "views names '\(id)', which is no [queue] in the example (ids: \(ids.sorted()))")
            case .incident(let id):
                // The example's incident sections stay commented out (a section shows its tile before the feed reports it).
                XCTAssertTrue(text.contains("# [incident \"\(id)\"]"), "views names incident tile '\(id)', which the example has no section for")
            }
        }
        XCTAssertEqual(config.feed.keys.map(\.id), ["floor-1", "floor-2"])
    }

    func testEditingTheExampleKeepsEveryComment() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let edited = try ConfigEditor.setThreshold(queue: "999", key: "longest_wait.red", value: "30s", in: text)
        let comments = { (t: String) in t.split(separator: "\n").filter { String($0).trimmingSpaces.hasPrefix("#") } }
        XCTAssertEqual(comments(edited), comments(text))
        XCTAssertEqual(try WallboardConfig(parsing: edited).queue("999").threshold(.longestWait)?.red, 30)
        XCTAssertEqual(edited.split(separator: "\n").count, text.split(separator: "\n").count)
    }
}

/// Damaged files (a supervisor's slip, a truncated copy, binary junk) must give located errors, never a trap.
final class ConfigDamageTests: XCTestCase {
    func testDamagedExamplesAlwaysGiveLocatedErrorsOrParse() throws {
        let text = try String(contentsOfFile: ConfigExampleTests.examplePath, encoding: .utf8)
        let original = Array(text.unicodeScalars)
        let junk: [Unicode.Scalar] = ["[", "]", "=", "\"", "#", "\n", "%", " ", "x", "9", ".", "\u{0}", "é", "–"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        var refused = 0
        for _ in 0..<120 {
            var scalars = original
            for _ in 0..<(1 + next(4)) {
                let i = next(scalars.count)
                switch next(3) {
                case 0: scalars[i] = junk[next(junk.count)]
                case 1: scalars.remove(at: i)
                default: scalars.insert(junk[next(junk.count)], at: i)
                }
            }
            var damaged = ""
            damaged.unicodeScalars.append(contentsOf: scalars)
            let lineCount = damaged.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).count
            do {
                _ = try WallboardConfig(parsing: damaged, file: "w.conf")
            } catch {
                refused += 1
                XCTAssertFalse(error.errors.isEmpty)
                for e in error.errors {
                    XCTAssertTrue((1...lineCount).contains(e.location.line), "\(e)")
                    XCTAssertGreaterThanOrEqual(e.location.column, 1, "\(e)")
                    XCTAssertTrue(e.description.hasPrefix("w.conf:\(e.location.line):\(e.location.column): "))
                }
            }
        }
        XCTAssertGreaterThan(refused, 30, "damage outside comments must be caught, not silently accepted")
    }
}
