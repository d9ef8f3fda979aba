import WallboardSystem

/// `wallboardctl status [--json]`.
enum StatusCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        let json = arguments.flag("--json")
        try arguments.finish()
        let response = try Ask.agent(socket, ControlRequest(.status))
        guard let status = response.status else { throw Ask.Refused(description: "the agent sent no status") }
        if json {
            try JSONOutput.print(status)
        } else {
            print(StatusText.render(status))
        }
        return 0
    }
}
