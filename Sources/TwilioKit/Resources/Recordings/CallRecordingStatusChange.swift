/// What UpdateCallRecording's `Status` can set a recording of a call in progress to.
public enum CallRecordingStatusChange: String, Sendable, CaseIterable {
    /// Stop recording: the recording is processed and completed.
    case stopped
    /// Pause recording (silence or a skip, per Twilio's `PauseBehavior`).
    case paused
    /// Resume a paused recording.
    case inProgress = "in-progress"
}
