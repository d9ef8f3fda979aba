/// One record line of a datagram after the header (PROTOCOL.md `Q`, `S`, `A` and `I`), as `wallboard-publish
/// send` reads them from stdin.
public enum FeedRecord: Sendable, Equatable {
    case queue(QueueReport)
    case staff(StaffReport)
    case handler(HandlerReport)
    case incident(IncidentReport)
    /// A record type this version does not know: skipped (forward compatibility).
    case unknown(type: String)
}
