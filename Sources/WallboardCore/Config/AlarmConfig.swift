/// The `[alarm]` section: the board's audible alarm (see `AlarmBell` for when it sounds).
///
/// ```
/// [alarm]
/// sound = breach        # breach | warning | off
/// tone = 880            # Hz
/// duration = 0.5s
/// repeat = 30s          # or off: once per alarm
/// device = default      # an ALSA PCM name, as aplay -L lists them
/// ```
public struct AlarmConfig: Sendable, Equatable {
    /// Which alarms sound.
    public enum Sound: String, Sendable, Equatable, CaseIterable {
        /// Only a breach (red) sounds.
        case breach
        /// A warning (amber) sounds too.
        case warning
        /// Silent; alarms can still be acknowledged on the wall.
        case off
    }

    /// Default `breach`: a breach is what the wall exists to make noticed, and a board without
    /// speakers costs nothing (no device is one log line). Not `warning`: amber is routine on a busy
    /// shift and a tone for it trains people to ignore the tone. Not `off`: a room that plugs in a
    /// speaker should not have to discover a key to hear its 999 queue breach.
    public var sound: Sound = .breach
    /// Hz. 880 (A5) carries over room noise and speech, and small HDMI-monitor speakers reproduce it.
    public var tone: Double = 880
    /// Seconds of each tone: short enough not to talk over a call, long enough to be noticed.
    public var duration: Double = 0.5
    /// Seconds between tones while an alarm is unacknowledged; nil = sound once per alarm.
    public var repeatEvery: Double? = 30
    /// The ALSA PCM the tone plays through (`aplay -D`).
    public var device: String = "default"

    public init() {}

    /// The least severe level that sounds; nil when the alarm is off.
    public var soundingLevel: AlarmLevel? {
        switch sound {
        case .breach: return .red
        case .warning: return .amber
        case .off: return nil
        }
    }

    /// The least severe level a supervisor can acknowledge: the sounding level, and a breach when
    /// the sound is off (an acknowledgement still tells the room someone is on it).
    public var acknowledgeableLevel: AlarmLevel { soundingLevel ?? .red }

    /// The tone's frequency limits: below 100 Hz small speakers play nothing; above 8 kHz is shrill
    /// and beyond the 16 kHz tone's Nyquist limit.
    public static let toneRange: ClosedRange<Double> = 100...8000
    /// A short tone: at most 5 s.
    public static let durationRange: ClosedRange<Double> = 0.05...5
}
