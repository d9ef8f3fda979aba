#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore

/// The edge of `BoardHealth`: reads the SoC temperature and throttling (through `HostHealth`, the
/// same reading the metrics file gets), whether the clock is synchronised, and whether the display
/// fell back. Called every `interval` seconds, never per frame.
public enum BoardHealthReader {
    public static let interval: Double = 5

    public static func readings(host: HostHealth, clockSynchronised: Bool?, displayFallback: String?) -> BoardHealthReadings {
        BoardHealthReadings(
            socCelsius: host.thermalZones.map(\.celsius).max(),
            throttledNow: host.throttles.filter { $0.period == "now" && $0.active }.map(\.condition),
            clockSynchronised: clockSynchronised, displayFallback: displayFallback)
    }

    /// Whether the kernel clock is synchronised: adjtimex(2) with no change asked (STA_UNSYNC clear
    /// and not TIME_ERROR). Under the unit's ProtectClock= the call is refused (EPERM); then
    /// systemd-timesyncd's flag decides: its directory under `run` without `synchronized` means it
    /// has not synchronised yet. Nil when neither can tell (no trouble is claimed).
    public static func clockSynchronised(run: String = "/run") -> Bool? {
        var t = timex()
        t.modes = 0
        let state = adjtimex(&t)
        if state >= 0 { return state != TIME_ERROR && t.status & STA_UNSYNC == 0 }
        return timesyncdSynchronised(run: run)
    }

    static func timesyncdSynchronised(run: String) -> Bool? {
        let dir = "\(run)/systemd/timesync"
        var s = stat()
        guard stat(dir, &s) == 0, s.st_mode & S_IFMT == S_IFDIR else { return nil }
        return access("\(dir)/synchronized", F_OK) == 0
    }

    /// The display the board fell back to, from the selector's reason ("drm: …; chose fbdev"):
    /// only when DRM was tried and passed over.
    public static func displayFallback(reason: String) -> String? {
        guard reason.hasPrefix("drm:"), let last = reason.split(separator: ";").last?.drop(while: { $0 == " " }),
            last.hasPrefix("chose ")
        else { return nil }
        let kind = String(last.dropFirst("chose ".count).prefix { $0 != " " })
        return kind == "drm" || kind.isEmpty ? nil : kind
    }
}
