/// Where in a config file something is: 1-based line and column (columns count characters).
public struct ConfigLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// "wallboard.conf:12:5", the form editors and compilers use, so `nano +12,5` finds it.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One mistake in a config file, with where it is and what was expected there.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: ConfigLocation
    public var problem: ConfigProblem
    public init(_ problem: ConfigProblem, at location: ConfigLocation) {
        self.problem = problem
        self.location = location
    }
    public var description: String { "\(location): \(problem)" }
}

/// What is wrong, in words a supervisor editing the file in nano can act on.
public enum ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// A line that is neither a comment, a `[section]` nor `key = value`.
    case malformedLine(String)
    /// `[section` without its closing bracket, or a bad queue id.
    case malformedSection(String)
    case unknownSection(name: String, suggestion: String?)
    case duplicateSection(String, firstLine: Int)
    case keyOutsideSection(String)
    case unknownKey(key: String, section: String, suggestion: String?)
    case duplicateKey(key: String, firstLine: Int)
    case missingValue(key: String, expected: String)
    case badValue(key: String, value: String, expected: String)
    /// Values that parse alone but not together, e.g. an amber threshold worse than red.
    case inconsistent(String)
    /// A value that is well formed but names something a start could not use (a font file
    /// FreeType cannot open, an unreadable key file, a device that does not exist).
    case unusable(String)

    public var description: String {
        switch self {
        case .malformedLine(let why): return why
        case .malformedSection(let why): return why
        case .unknownSection(let name, let suggestion):
            return "unknown section [\(name)]; expected [feed], [display], [board], [staff], [metrics] or [queue \"ID\"]"
                + (suggestion.map { "; did you mean [\($0)]?" } ?? "")
        case .duplicateSection(let name, let firstLine): return "section [\(name)] appears twice (first on line \(firstLine)); merge the two into one"
        case .keyOutsideSection(let key): return "'\(key)' is outside any section; put it under [feed], [display], [board], [staff], [metrics] or [queue \"ID\"]"
        case .unknownKey(let key, let section, let suggestion):
            return "unknown key '\(key)' in [\(section)]" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .duplicateKey(let key, let firstLine): return "'\(key)' is set twice (first on line \(firstLine)); keep one"
        case .missingValue(let key, let expected): return "'\(key)' has no value; expected \(expected)"
        case .badValue(let key, let value, let expected): return "'\(key)': '\(value)' is not \(expected)"
        case .inconsistent(let why): return why
        case .unusable(let why): return why
        }
    }
}

/// All the mistakes found in one file (a supervisor fixes them in one pass, not one per reload).
public struct ConfigErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ConfigError]
    public init(_ errors: [ConfigError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
