import WallboardSystem

/// One request to the agent: a refusal is printed as one line and gives exit status 1.
enum Ask {
    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static func agent(_ socket: String, _ request: ControlRequest) throws -> ControlResponse {
        let response = try ControlClient(path: socket).send(request)
        guard response.ok else { throw Refused(description: response.error ?? "the agent refused without a reason") }
        return response
    }

    /// Prints the agent's text answer, if any.
    static func printText(_ response: ControlResponse) {
        if let text = response.text, !text.isEmpty { print(text) }
    }
}
