/// syslog priorities, as journald reads them from a `<N>` line prefix on stderr.
public enum LogPriority: Int, Sendable, Comparable, CustomStringConvertible {
    case emergency = 0, alert, critical, error, warning, notice, info, debug

    public static func < (a: LogPriority, b: LogPriority) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .emergency: return "emerg"
        case .alert: return "alert"
        case .critical: return "crit"
        case .error: return "err"
        case .warning: return "warning"
        case .notice: return "notice"
        case .info: return "info"
        case .debug: return "debug"
        }
    }
}
