/// The audible alarm as `wallboardctl status` reports it (`AgentStatus.sound`).
public struct SoundStatus: Codable, Sendable, Equatable {
    /// `[alarm] sound`: "breach", "warning" or "off".
    public var sound: String
    /// The ALSA PCM played through (`[alarm] device`).
    public var device: String
    /// "ready" (nothing failed), "playing", "no device (aplay: …)", "no player (…)", or "off".
    public var state: String
    /// Tones played to the end without error, and tones that failed, since start.
    public var played: Int
    public var failed: Int
    /// Seconds since the tone last sounded; nil when it never has.
    public var lastSoundSecondsAgo: Double?
    /// Queues in alarm that nobody has acknowledged (the tone repeats for these).
    public var unacknowledged: [String]

    public init(
        sound: String, device: String, state: String, played: Int, failed: Int, lastSoundSecondsAgo: Double?,
        unacknowledged: [String]
    ) {
        self.sound = sound
        self.device = device
        self.state = state
        self.played = played
        self.failed = failed
        self.lastSoundSecondsAgo = lastSoundSecondsAgo
        self.unacknowledged = unacknowledged
    }
}
