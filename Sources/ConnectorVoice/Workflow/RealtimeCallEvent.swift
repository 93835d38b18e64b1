/// What happens on a call, as a workflow reads it from ``RealtimeCall/events``.
public enum RealtimeCallEvent: Sendable, Equatable {
    /// The caller's audio (`media`).
    case audio(AudioChunk)
    /// The caller pressed a key (`dtmf`): `0`–`9`, `*`, `#`, `A`–`D`.
    case digit(String)
    /// The caller heard the audio queued before this mark (Twilio echoed it).
    case markPlayed(String)
    /// The audio before this mark was cleared before it played (barge-in): it was never heard.
    case markCleared(String)
}

/// What became of a mark.
public enum MarkOutcome: String, Sendable, Equatable {
    /// The audio queued before it played: the caller heard it.
    case played
    /// ``RealtimeCall/clear()`` dropped the audio before it: the caller did not hear it.
    case cleared
    /// The call's stream ended first.
    case callEnded
}
