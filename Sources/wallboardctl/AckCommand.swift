import WallboardSystem

/// `wallboardctl ack [QUEUE]`: acknowledge one queue's alarm, or every alarm on the board.
enum AckCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        let queue = arguments.next()
        try arguments.finish()
        Ask.printText(try Ask.agent(socket, ControlRequest(.ack, queue: queue)))
        return 0
    }
}
