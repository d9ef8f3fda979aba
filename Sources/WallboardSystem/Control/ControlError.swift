/// What can go wrong talking to the agent, in words a supervisor can act on.
public enum ControlError: Error, CustomStringConvertible, Equatable {
    case agentNotRunning(path: String)
    case permissionDenied(path: String)
    case socketPathTooLong(path: String)
    case alreadyRunning(path: String)
    case notASocket(path: String)
    case system(call: String, path: String, errno: Int32)
    case timedOut(path: String)
    case closed(path: String)
    case badAnswer(path: String, detail: String)

    public var description: String {
        switch self {
        case .agentNotRunning(let path):
            return "the wallboard agent is not running (nothing listening on \(path)); check 'systemctl status wallboard'"
        case .permissionDenied(let path):
            return "permission denied on \(path): you must be in the 'wallboard' group (sudo adduser $USER wallboard, then log in again)"
        case .socketPathTooLong(let path):
            return "socket path \(path) is too long for a Unix socket (108 bytes at most)"
        case .alreadyRunning(let path):
            return "another wallboard agent is already listening on \(path)"
        case .notASocket(let path):
            return "\(path) exists and is not a socket; refusing to replace it"
        case .system(let call, let path, let code):
            return "\(call) on \(path) failed: \(Errno(code))"
        case .timedOut(let path):
            return "the agent on \(path) did not answer within the time limit"
        case .closed(let path):
            return "the agent closed the connection on \(path) without answering"
        case .badAnswer(let path, let detail):
            return "the agent on \(path) sent an answer that could not be read: \(detail)"
        }
    }
}
