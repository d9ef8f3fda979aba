/// One queue's counters for the current period (since midnight).
struct QueueCounters: Sendable, Equatable {
    var offered = 0
    var answered = 0
    var abandoned = 0
    var answeredWithinTarget = 0
    /// Sum of the waits of answered calls, for the average speed of answer.
    var answeredWaitTotal = 0.0
    /// Answered calls where the caller could not speak.
    var silent = 0

    /// Average speed of answer, or nil before the first answer of the period.
    var averageSpeedOfAnswer: Double? {
        answered > 0 ? answeredWaitTotal / Double(answered) : nil
    }
}
