// libFuzzer entry for the configuration parser, compiled into one module with the WallboardCore
// sources by Deploy/fuzz/build.sh. Any input must give a config or a typed error, never a crash;
// an error must name a line and column inside the input (or just past it).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    // Lines as an editor counts them: one per LF byte, plus the last. (Splitting the String on
    // "\n" undercounts: Swift reads CR LF as one Character, so it is not "\n". That miscount, not the
    // parser, was behind the finding kept as corpus/config/crlf-line-count.)
    let lineCount = bytes.reduce(1) { $1 == 0x0a ? $0 + 1 : $0 }
    do {
        let config = try WallboardConfig(parsing: text, file: "fuzz.conf")
        // Whatever parsed must be usable: ordering never traps.
        _ = config.displayOrder(feedQueues: config.queues.map(\.id))
    } catch {
        // Typed throws: every failure is ConfigErrors, a list of file:line:column errors.
        let errors: ConfigErrors = error
        if errors.errors.isEmpty { trap("ConfigErrors thrown with no error in it") }
        for error in errors.errors {
            _ = error.description
            if error.location.file != "fuzz.conf" || error.location.line < 1
                || error.location.line > lineCount + 1 || error.location.column < 1
            {
                trap("error location out of the input: \(error.description)")
            }
        }
    }
    return 0
}

/// A finding that is not a crash but a broken promise: stop so libFuzzer saves the input.
func trap(_ message: String) -> Never {
    print("FUZZ INVARIANT: \(message)")
    fatalError(message)
}
