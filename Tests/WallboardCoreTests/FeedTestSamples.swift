@testable import WallboardCore

/// Shared sample messages for the feed tests.
enum FeedSamples {
    static let key = FeedKey(id: "k1", secret: Array("example-key".utf8))

    static func message(publisher: String = "acd-a", session: UInt64 = 0x5f2a, sequence: UInt64 = 1,
                        sent: UInt64 = 1_763_740_800_123) -> FeedMessage {
        FeedMessage(
            publisher: publisher, session: session, sequence: sequence, sentAtMilliseconds: sent, interval: 2,
            floor: "North Control",
            queues: [
                QueueReport(id: "999", name: "999 Emergency", waiting: 3, longestWait: 12.5, offered: 412,
                            answered: 398, abandoned: 9, answeredWithinTarget: 371, targetSeconds: 10,
                            averageSpeedOfAnswer: 6.2, period: "since 00:00",
                            extras: [ExtraFigure(name: "silent", value: 4), ExtraFigure(name: "delta", value: -1.25)]),
                QueueReport(id: "crime", name: "Crime Recording – Desk", waiting: 6, longestWait: 912),
            ],
            staff: [
                StaffReport(scope: "999", available: 2, onCall: 9, wrapUp: 1, onBreak: 1),
                StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5, other: 2),
            ])
    }
}

extension BoardEngine {
    /// Receives `message` as the unsigned datagram a publisher would send (the tests' shorthand).
    mutating func apply(_ message: FeedMessage, at now: MonotonicSeconds) {
        guard let bytes = try? FeedEncoder().encode(message) else { return }
        receive(bytes: bytes, from: "test", now: now)
    }
}
