#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What was wrong with a control-socket line, in words a supervisor (or someone writing a script
/// against the socket) can act on: the field, what it should hold, an example. Never Swift's own
/// `DecodingError.keyNotFound(CodingKeys(stringValue: …))`.
enum ControlDecodingError {
    static let shape = #"one JSON object per line, like {"command":"status"}"#

    static func describe(_ error: Error, line: ArraySlice<UInt8>) -> String {
        guard let decoding = error as? DecodingError else { return "not \(shape)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "the \(field(context.codingPath + [key])) field is missing; expected \(shape)"
        case .valueNotFound(_, let context):
            return "the \(field(context.codingPath)) field is null; give it a value or leave it out"
        case .typeMismatch(let type, let context):
            return "the \(field(context.codingPath)) field must be \(words(for: type))"
        case .dataCorrupted(let context):
            if context.codingPath.last?.stringValue == "command" {
                let commands = ControlRequest.Command.allCases.map(\.rawValue).joined(separator: ", ")
                let given = (try? JSONDecoder().decode(CommandOnly.self, from: Data(line)).command).map { "'\($0)' " } ?? ""
                return "unknown command \(given)(known: \(commands))"
            }
            if context.codingPath.isEmpty { return "the line is not JSON; expected \(shape)" }
            return "the \(field(context.codingPath)) field has a value that cannot be read"
        @unknown default:
            return "not \(shape)"
        }
    }

    private struct CommandOnly: Decodable { var command: String }

    private static func field(_ path: [any CodingKey]) -> String {
        "\"" + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + "\""
    }

    private static func words(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text in double quotes"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return "a JSON object"
        }
    }
}
