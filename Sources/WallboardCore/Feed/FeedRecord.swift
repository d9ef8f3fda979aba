/// One record line of a datagram after the header (PROTOCOL.md `Q`, `S` and `A`), as `wallboard-publish
/// send` reads them from stdin.
public enum FeedRecord: Sendable, Equatable {
    case queue(QueueReport)
    case staff(StaffReport)
    case handler(HandlerReport)
    /// A record type this version does not know: skipped (forward compatibility).
    case unknown(type: String)
}
