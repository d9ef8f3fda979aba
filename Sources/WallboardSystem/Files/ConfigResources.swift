#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender

/// What a start opens, checked without starting: the font file (FreeType must open it), every feed
/// key file (readable, not empty) and a named display device (present, a device). `ConfigFile.load`
/// runs it, so check-config, reload and the start itself refuse the same file with the same words:
/// what passes check-config starts.
enum ConfigResources {
    static func problems(in config: WallboardConfig, text: String, file: String) -> [ConfigError] {
        var errors: [ConfigError] = []
        func at(_ key: String, _ section: String, matching value: (String) -> Bool = { _ in true }) -> ConfigLocation {
            ConfigLocator.values(of: key, section: section, in: text, file: file).first { value($0.value) }?.at
                ?? ConfigLocation(file: file, line: 1, column: 1)
        }
        if let font = config.display.font {
            do { _ = try Font(path: font) } catch {
                errors.append(ConfigError(.unusable("'font': \(error)"), at: at("font", "display")))
            }
        }
        if let device = config.display.device, let problem = deviceProblem(device) {
            errors.append(ConfigError(.unusable("'device': \(device): \(problem)"), at: at("device", "display")))
        }
        for key in config.feed.keys {
            do { _ = try FeedKeyFile.load(path: key.path, id: key.id) } catch {
                let written = ConfigLocator.values(of: "key", section: "feed", in: text, file: file)
                    .first { $0.value.hasSuffix(key.path) }?.at ?? at("key_file", "feed")
                errors.append(ConfigError(.unusable("\(error)"), at: written))
            }
        }
        return errors
    }

    private static func deviceProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return Errno.current.description }
        return (info.st_mode & S_IFMT) == S_IFCHR ? nil : "not a device (expected a DRM card or framebuffer under /dev)"
    }
}
