/// The Prometheus text exposition format (version 0.0.4), the format node_exporter's textfile
/// collector reads from `*.prom` files. Pure: families in, text out.
///
///     # HELP wallboard_feed_state The feed's state as the wall shows it (1 for the current state).
///     # TYPE wallboard_feed_state gauge
///     wallboard_feed_state{state="ok"} 1
///
/// Label values and help texts are escaped as the format requires (`\\`, `\"`, `\n`), so a queue id
/// or publisher name from the feed can never break the file or inject a sample.
public enum PrometheusText {
    public static func render(_ families: [MetricFamily]) -> String {
        var out = ""
        for family in families where !family.samples.isEmpty {
            out += "# HELP \(family.name) \(escapeHelp(family.help))\n"
            out += "# TYPE \(family.name) \(family.type.rawValue)\n"
            for sample in family.samples {
                out += family.name
                if !sample.labels.isEmpty {
                    out += "{"
                    out += sample.labels.map { "\($0.name)=\"\(escapeLabelValue($0.value))\"" }.joined(separator: ",")
                    out += "}"
                }
                out += " \(number(sample.value))\n"
            }
        }
        return out
    }

    /// Label values: backslash, double quote and line feed are escaped.
    public static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        for c in value.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// HELP texts: backslash and line feed are escaped (a quote needs none there).
    public static func escapeHelp(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whole numbers without a fraction ("12", not "12.0"); NaN and infinities as the format spells them.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return "\(Int64(value))" }
        return "\(value)"
    }

}

/// One metric: its name, help line, type and samples.
public struct MetricFamily: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case gauge, counter
    }

    public var name: String
    public var help: String
    public var type: Kind
    public var samples: [MetricSample]

    public init(_ name: String, _ type: Kind, help: String, samples: [MetricSample]) {
        self.name = name
        self.help = help
        self.type = type
        self.samples = samples
    }

    /// A family with one unlabelled sample.
    public init(_ name: String, _ type: Kind, help: String, value: Double) {
        self.init(name, type, help: help, samples: [MetricSample(value)])
    }
}

public struct MetricSample: Sendable, Equatable {
    public struct Label: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var labels: [Label]
    public var value: Double

    public init(_ value: Double, labels: [Label] = []) {
        self.labels = labels
        self.value = value
    }

    /// `MetricSample(1, ["queue": "999"])`, labels in the order written.
    public init(_ value: Double, _ labels: KeyValuePairs<String, String>) {
        self.init(value, labels: labels.map { Label($0.key, $0.value) })
    }
}
