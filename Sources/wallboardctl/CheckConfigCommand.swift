import WallboardCore
import WallboardSystem

/// `wallboardctl check-config [FILE]`: FILE is read and validated here, by the same loader the agent
/// uses, so a supervisor can check an edit before moving it into place (no agent needed). Without
/// FILE the agent checks its own file, exactly as a reload would read it.
enum CheckConfigCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        let file = arguments.next()
        try arguments.finish()
        guard let file else {
            Ask.printText(try Ask.agent(socket, ControlRequest(.checkConfig)))
            return 0
        }
        do {
            _ = try ConfigFile.load(file)
        } catch {
            // One line per mistake, each naming file:line:column.
            CommandLineTool.printError("\(error)")
            return 1
        }
        print("\(file): OK")
        return 0
    }
}
