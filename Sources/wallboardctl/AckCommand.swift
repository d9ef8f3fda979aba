import WallboardSystem

/// `wallboardctl ack [QUEUE|GRADE/AREA]`: acknowledge one queue's or incident tile's alarm, or every
/// alarm on the board. The agent reads the name (`AlarmSubject(name:)`).
enum AckCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        let queue = arguments.next()
        try arguments.finish()
        Ask.printText(try Ask.agent(socket, ControlRequest(.ack, queue: queue)))
        return 0
    }
}
