#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import WallboardSystem

/// `wallboardctl snapshot FILE.png`: the agent sends the PNG, the supervisor's own process writes it,
/// so the file lands where the supervisor may write (the agent runs sandboxed, without /home).
enum SnapshotCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        guard let file = arguments.next() else { throw UsageError("snapshot needs a FILE.png to write") }
        try arguments.finish()
        let response = try Ask.agent(socket, ControlRequest(.snapshot))
        guard let encoded = response.png, let png = Data(base64Encoded: encoded) else {
            throw Ask.Refused(description: "the agent sent no picture")
        }
        try AtomicFile.write(Array(png), to: file)  // a reader of FILE never sees half a picture
        print("\(file): \(response.width ?? 0)x\(response.height ?? 0), \(png.count) bytes")
        return 0
    }
}
