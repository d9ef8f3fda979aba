import WallboardCore
import WallboardSystem

/// `simulate`: publishes the simulated call floor. Waits for the `FloorSimulator` model (issue 3,
/// "sim" part); until it lands this says so plainly and fails.
enum SimulateCommand {
    static func run(_ a: inout Arguments) throws -> Int32 {
        _ = try PublishOptions.parse(&a)
        try a.finish()
        CommandLineTool.printError(
            "wallboard-publish: simulate is not ready yet: the call-floor simulator (FloorSimulator) has not landed")
        return 1
    }
}
