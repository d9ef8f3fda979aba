import Foundation
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
        XCTAssertEqual(config.board.queues, ["999", "101", "crime", "online"])
        XCTAssertEqual(config.queue("999").threshold(.serviceLevel)?.red, 90)
        XCTAssertEqual(config.queue("999").target, 10)
        XCTAssertEqual(config.queue("crime").label, "CRIME RECORDING")
        XCTAssertEqual(config.queue("online").threshold(.extra("unassigned"))?.red, 40)
        XCTAssertEqual(config.display.burnInShift, 300)
        XCTAssertEqual(config.staff.available.red, 1)
        XCTAssertNil(config.feed.staleAfter, "auto")
    }

    /// "Fully commented": every key the parser knows appears in the example (set or commented out).
    func testExampleDocumentsEveryKey() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let lines = text.split(separator: "\n").map { String($0).trimmingSpaces }
        for key in ConfigKeys.feed + ConfigKeys.display + ConfigKeys.board + ConfigKeys.staff {
            XCTAssertTrue(lines.contains { $0.hasPrefix("\(key) =") || $0.hasPrefix("#\(key) =") }, "\(key) is not in the example")
        }
        for word in ConfigKeys.queuePlain + ConfigKeys.thresholdAttributes + Metric.standard.map(\.key) {
            XCTAssertTrue(text.contains(word), "\(word) is not explained in the example")
        }
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
