import Dispatch
import Foundation
import Glibc
import XCTest

@testable import WallboardSystem

/// A malformed control-socket line is answered in words (which field, what it should be), never
/// with Swift's `DecodingError.keyNotFound(CodingKeys(stringValue: …))`.
final class ControlRequestErrorTests: XCTestCase {
    func testMalformedRequestsAreExplainedInPlainWords() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("control")
        let queue = DispatchQueue(label: "test.control.errors")
        let server = try ControlServer(path: path, group: nil, queue: queue) { _, _ in ControlResponse(text: "fine") }
        queue.sync { server.start() }
        defer { queue.sync { server.stop() } }

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        let address = try XCTUnwrap(UnixAddress(path))
        XCTAssertEqual(address.withSockaddr { connect(fd, $0, $1) }, 0)
        var pending: [UInt8] = []
        func ask(_ line: String) throws -> String {
            let bytes = Array((line + "\n").utf8)
            XCTAssertEqual(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, bytes.count)
            var chunk = [UInt8](repeating: 0, count: 4096)
            while !pending.contains(0x0a) {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard n > 0 else { break }
                pending += chunk[0..<n]
            }
            let end = try XCTUnwrap(pending.firstIndex(of: 0x0a))
            let answer = try JSONDecoder().decode(ControlResponse.self, from: Data(pending[..<end]))
            pending.removeSubrange(...end)
            return answer.error ?? "ok"
        }
        let cases: [(String, String)] = [
            (#"{"queue":"999"}"#,
             #"could not read the request: the "command" field is missing; expected one JSON object per line, like {"command":"status"}"#),
            (#"{"command":"frobnicate"}"#,
             "could not read the request: unknown command 'frobnicate' (known: status, thresholds, threshold-set, message, message-clear, snapshot, frame, check-config, reload, ack)"),
            ("status", #"could not read the request: the line is not JSON; expected one JSON object per line, like {"command":"status"}"#),
            (#"{"command":"frame","width":"wide"}"#, #"could not read the request: the "width" field must be a number"#),
            (#"{"command":"message","text":7}"#, #"could not read the request: the "text" field must be a text in double quotes"#),
            (#"{"command":"status"}"#, "ok"),
        ]
        for (line, expected) in cases {
            let answer = try ask(line)
            XCTAssertEqual(answer, expected, line)
            XCTAssertFalse(answer.contains("CodingKeys") || answer.contains("DecodingError"), answer)
        }
    }
}
