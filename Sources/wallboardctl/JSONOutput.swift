#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--json`: the agent's structured answer as it travels on the control socket, printed with sorted
/// keys and indentation, so a script reads the very field names the protocol defines (README,
/// "wallboardctl … --json").
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
