import WallboardCore

/// The config file on disk: load (parse + validate) and edit-in-place (atomic).
public enum ConfigFile {
    public static let defaultPath = "/etc/wallboard/wallboard.conf"

    /// Why a config could not be loaded or changed.
    public enum Failure: Error, CustomStringConvertible {
        case file(FileError)
        case invalid(ConfigErrors)

        public var description: String {
            switch self {
            case .file(let e): return e.description
            case .invalid(let e): return e.description
            }
        }
    }

    /// Reads and validates `path`, and checks that what it names can be used (ConfigResources), as
    /// the start, a reload and check-config all must agree; the error lists every mistake as
    /// file:line:column.
    public static func load(_ path: String) throws(Failure) -> WallboardConfig {
        let text: String
        do { text = try TextFile.read(path) } catch { throw .file(error) }
        let config: WallboardConfig
        do { config = try WallboardConfig(parsing: text, file: path) } catch { throw .invalid(error) }
        let problems = ConfigResources.problems(in: config, text: text, file: path)
        guard problems.isEmpty else { throw .invalid(ConfigErrors(problems)) }
        return config
    }

    /// Sets a queue's amber and/or red limit for `metric` in the file (both checked together), keeping
    /// its comments, and writes it atomically. Returns the new config; the file is unchanged on error.
    @discardableResult
    public static func setThreshold(_ path: String, queue: String, metric: Metric, amber: String?, red: String?) throws(Failure) -> WallboardConfig {
        try edit(path) { (text) throws(ConfigErrors) in
            try ConfigEditor.setThreshold(queue: queue, metric: metric, amber: amber, red: red, in: text, file: path)
        }
    }

    /// Applies `change` to the file's text, validates the result and writes it atomically, keeping
    /// the old file when the change or the result is invalid. Returns the new config.
    public static func edit(_ path: String, _ change: (String) throws(ConfigErrors) -> String) throws(Failure) -> WallboardConfig {
        let text: String
        do { text = try TextFile.read(path) } catch { throw .file(error) }
        let edited: String
        let config: WallboardConfig
        do {
            edited = try change(text)
            config = try WallboardConfig(parsing: edited, file: path)
        } catch {
            throw .invalid(error)
        }
        do { try AtomicFile.write(edited, to: path) } catch { throw .file(error) }
        return config
    }
}
