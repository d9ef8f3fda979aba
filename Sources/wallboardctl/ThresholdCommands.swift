import WallboardSystem

/// `wallboardctl thresholds` and `wallboardctl threshold set QUEUE METRIC amber=V red=V`.
enum ThresholdCommands {
    static func show(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        let json = arguments.flag("--json")
        try arguments.finish()
        let response = try Ask.agent(socket, ControlRequest(.thresholds))
        if json {
            try JSONOutput.print(response.thresholds ?? [])
        } else {
            Ask.printText(response)
        }
        return 0
    }

    /// Values are written as in the config file ("30s", "2m", "85%", "4"); the agent validates them
    /// against the metric, so the client never has its own idea of what is allowed.
    static func set(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        // Which limits: the plain keys (day, the default) or the `@night` ones.
        let profile = try arguments.option("--profile")
        guard arguments.next() == "set" else {
            throw UsageError("usage: threshold set QUEUE METRIC amber=VALUE red=VALUE")
        }
        guard let queue = arguments.next(), var metric = arguments.next() else {
            throw UsageError("threshold set needs a QUEUE and a METRIC, e.g. threshold set 999 longest_wait red=40s")
        }
        var amber: String?
        var red: String?
        // Also the config file's own spelling: `threshold set 999 longest_wait.red 30s`.
        for level in ["amber", "red"] where metric.hasSuffix("." + level) {
            guard let value = arguments.next() else { throw UsageError("\(metric) needs a VALUE") }
            metric = String(metric.dropLast(level.count + 1))
            if level == "amber" { amber = value } else { red = value }
        }
        while let pair = arguments.next() {
            guard let equals = pair.firstIndex(of: "=") else {
                throw UsageError("'\(pair)' is not amber=VALUE or red=VALUE")
            }
            let key = pair[..<equals], value = String(pair[pair.index(after: equals)...])
            guard !value.isEmpty else { throw UsageError("'\(pair)' has no value") }
            switch key {
            case "amber": amber = value
            case "red": red = value
            default: throw UsageError("'\(key)' is not a level: use amber=VALUE and/or red=VALUE")
            }
        }
        try arguments.finish()
        guard amber != nil || red != nil else { throw UsageError("give amber=VALUE and/or red=VALUE") }
        var request = ControlRequest(.thresholdSet, queue: queue, metric: metric, amber: amber, red: red)
        request.profile = profile
        Ask.printText(try Ask.agent(socket, request))
        return 0
    }
}
