/// Where in a config text a setting is written: for mistakes found after parsing (a font file that
/// will not open, a key file that cannot be read), so they too name file:line:column.
public enum ConfigLocator {
    /// Every `key = value` of `[section]` in `text`, in file order, with where its value starts.
    public static func values(of key: String, section: String, in text: String, file: String) -> [(value: String, at: ConfigLocation)] {
        var found: [(String, ConfigLocation)] = []
        var inSection = false
        for (i, line) in ConfigSyntax.lines(of: text).enumerated() {
            switch ConfigSyntax.parse(line: line, number: i + 1) {
            case .section(let header): inSection = header.name == section && header.argument == nil
            case .setting(let s) where inSection && s.key == key:
                found.append((s.value, ConfigLocation(file: file, line: s.line, column: s.valueColumn)))
            default: continue
            }
        }
        return found
    }
}
