/// The settings a running board cannot change in place: they choose what was opened at start (the
/// screen and how it is driven, the font faces, the feed's socket). The feed's keys are not among
/// them: the agent reads the key files again on every reload, so a key roll-over needs no restart. A reload applies
/// everything else at once, keeps these as they are in force, and names them, so nobody believes a
/// change is in force when it is not — on this reload and every later one until the restart.
public enum ConfigRestart {
    public struct Outcome: Sendable, Equatable {
        /// The file's config with the start-only settings as they are in force.
        public var inForce: WallboardConfig
        /// Each start-only setting the file changes, as `[section] key`.
        public var pending: [String]

        /// "restart needed for [display] rotation (...)", or nil when nothing waits.
        public var notice: String? {
            pending.isEmpty
                ? nil : "restart needed for \(pending.joined(separator: ", ")) (applied after 'systemctl restart wallboard')"
        }
    }

    public static func apply(_ file: WallboardConfig, running: WallboardConfig) -> Outcome {
        var outcome = Outcome(inForce: file, pending: [])
        func keep<T: Equatable>(_ name: String, _ path: WritableKeyPath<WallboardConfig, T>) {
            guard running[keyPath: path] != file[keyPath: path] else { return }
            outcome.pending.append(name)
            outcome.inForce[keyPath: path] = running[keyPath: path]
        }
        keep("[feed] group", \.feed.group)
        keep("[feed] port", \.feed.port)
        keep("[feed] interface", \.feed.interface)
        keep("[display] output", \.display.output)
        keep("[display] device", \.display.device)
        keep("[display] connector", \.display.connectors)
        keep("[display] mode", \.display.mode)
        keep("[display] rotation", \.display.rotation)
        keep("[display] font", \.display.font)
        keep("[display] png_path", \.display.pngPath)
        return outcome
    }
}
