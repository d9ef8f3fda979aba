import WallboardSystem

/// `wallboardctl message "TEXT" [--for 30m]` and `wallboardctl message clear`.
enum MessageCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        let duration = try arguments.option("--for")
        guard let text = arguments.next() else { throw UsageError("message needs a TEXT in quotes, or 'clear'") }
        try arguments.finish()
        if text == "clear" {
            guard duration == nil else { throw UsageError("message clear takes no --for") }
            Ask.printText(try Ask.agent(socket, ControlRequest(.messageClear)))
            return 0
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw UsageError("the message is empty; to remove the banner use 'message clear'") }
        Ask.printText(try Ask.agent(socket, ControlRequest(.message, text: text, duration: duration)))
        return 0
    }
}
