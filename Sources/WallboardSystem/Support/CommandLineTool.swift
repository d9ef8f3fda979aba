#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// A mistake in how a command was called: printed as one line, exit status 2.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Command-line arguments consumed front to back: options, flags and positionals.
/// Small on purpose: the three tools have a handful of options each.
public struct Arguments {
    public private(set) var remaining: [String]

    public init(_ arguments: [String]) { remaining = arguments }

    /// True (and consumed) if any of `names` is present, e.g. `flag("--verbose", "-v")`.
    public mutating func flag(_ names: String...) -> Bool {
        guard let i = remaining.firstIndex(where: names.contains) else { return false }
        remaining.remove(at: i)
        return true
    }

    /// The value of `--name VALUE` or `--name=VALUE`, consumed; nil if absent.
    public mutating func option(_ names: String...) throws -> String? {
        for (i, argument) in remaining.enumerated() {
            for name in names {
                if argument == name {
                    guard i + 1 < remaining.count else { throw UsageError("\(name) needs a value") }
                    let value = remaining[i + 1]
                    remaining.removeSubrange(i...(i + 1))
                    return value
                }
                if argument.hasPrefix(name + "=") {
                    remaining.remove(at: i)
                    return String(argument.dropFirst(name.count + 1))
                }
            }
        }
        return nil
    }

    /// A parsed option value, with a clear error when it does not parse.
    public mutating func option<T>(_ name: String, as parse: (String) -> T?, expected: String) throws -> T? {
        guard let text = try option(name) else { return nil }
        guard let value = parse(text) else { throw UsageError("\(name): '\(text)' is not \(expected)") }
        return value
    }

    /// The next positional argument, consumed; nil if none is left.
    public mutating func next() -> String? {
        guard let i = remaining.firstIndex(where: { !$0.hasPrefix("-") || $0 == "-" }) else { return nil }
        return remaining.remove(at: i)
    }

    /// The subcommand: the first argument, which must not be an option.
    public mutating func command(among known: [String]) throws -> String {
        guard let first = remaining.first else {
            throw UsageError("a command is needed: \(known.joined(separator: ", "))")
        }
        if first.hasPrefix("-") { throw UsageError("unknown option '\(first)'") }
        guard known.contains(first) else { throw UsageError("unknown command '\(first)'") }
        return remaining.removeFirst()
    }

    /// Call after consuming everything known: anything left is an error.
    public func finish() throws {
        guard let first = remaining.first else { return }
        if first.hasPrefix("-") && first != "-" { throw UsageError("unknown option '\(first)'") }
        throw UsageError("unexpected argument '\(first)'")
    }
}

/// The shared frame of the three executables: `--help`, `--version`, one-line errors, exit codes.
public enum CommandLineTool {
    /// Runs `body` with the process arguments and exits with its status.
    /// `--help`/`-h` prints `help`; `--version` prints the version; a `UsageError` prints one line, exit 2;
    /// any other error prints its description, exit 1.
    public static func main(name: String, help: String, body: (inout Arguments) throws -> Int32) -> Never {
        var arguments = Arguments(Array(ProcessArguments.all.dropFirst()))
        if arguments.flag("--help", "-h") {
            print(help)
            exit(0)
        }
        if arguments.flag("--version") {
            print("\(name) \(WallboardVersion.string)")
            exit(0)
        }
        do {
            exit(try body(&arguments))
        } catch let error as UsageError {
            printError("\(name): \(error.description) (see '\(name) --help')")
            exit(2)
        } catch {
            printError("\(name): \(error)")
            exit(1)
        }
    }

    /// Writes one line to stderr.
    public static func printError(_ line: String) {
        try? FileDescriptor.standardError.writeAll(line + "\n")
    }
}
