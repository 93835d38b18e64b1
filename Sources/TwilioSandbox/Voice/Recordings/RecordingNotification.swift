import TwilioKit

/// Where a recording's status changes are posted (`recordingStatusCallback`), how, and which.
struct RecordingNotification: Codable, Sendable {
    let url: String
    let method: String
    /// The statuses posted: `in-progress`, `completed`, `absent`.
    let events: Set<RecordingStatus>
}
