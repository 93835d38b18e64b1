import ConnectorStore
import Foundation

/// When a failed push is tried again: after the schedule's next wait, varied by up to ±10 % so
/// that deliveries failed together do not all retry at once; after the schedule's last wait, the
/// delivery fails. Pure: the caller passes the time and the randomness.
struct PushRetryPolicy: Sendable {
    /// Seconds to wait before each retry.
    let schedule: [Int]

    /// What follows a failed attempt, when `attemptsMade` attempts (this one included) failed.
    func next(afterFailedAttempts attemptsMade: Int, now: Date, random: (ClosedRange<Double>) -> Double) -> DeliveryNextStep {
        guard attemptsMade >= 1, attemptsMade <= schedule.count else { return .fail }
        let wait = Double(schedule[attemptsMade - 1]) * random(0.9...1.1)
        return .retry(at: now.addingTimeInterval(wait))
    }
}
