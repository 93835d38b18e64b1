/// How a call created with `Record=true` is recorded.
struct CallRecordingOptions: Codable, Sendable {
    /// The recording's SID, known from the start so the `in-progress` callback can name it.
    let recordingSID: String
    let channels: Int
    /// `inbound`, `outbound` or `both`.
    let track: String
    let notification: RecordingNotification?
}
