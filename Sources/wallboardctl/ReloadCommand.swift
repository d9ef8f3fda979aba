import WallboardSystem

/// `wallboardctl reload`: what SIGHUP does, with the outcome reported back.
enum ReloadCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        try arguments.finish()
        Ask.printText(try Ask.agent(socket, ControlRequest(.reload)))
        return 0
    }
}
