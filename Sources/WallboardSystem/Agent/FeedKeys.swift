import WallboardCore

/// The signing keys `[feed]` names, read from their files: at start and again on every reload, so a
/// key roll-over (add the new key, switch the publishers, remove the old key) needs no restart.
enum FeedKeys {
    /// A missing or empty key file is an error: an unsigned board would be a silent downgrade.
    static func load(_ feed: FeedConfig) throws -> [FeedKey] {
        try feed.keys.map { try FeedKeyFile.load(path: $0.path, id: $0.id) }
    }
}
