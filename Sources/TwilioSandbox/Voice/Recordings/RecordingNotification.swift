/// Where a recording's status changes are posted (`recordingStatusCallback`), how, and which.
struct RecordingNotification: Codable, Sendable {
    let url: String
    let method: String
    /// `in-progress`, `completed`, `absent`.
    let events: Set<String>
}
