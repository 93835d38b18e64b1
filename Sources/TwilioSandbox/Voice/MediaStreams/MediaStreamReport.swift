/// What one media stream exchanged, for the ``MediaStreamOutcome`` and the call's event log.
struct MediaStreamReport: Sendable {
    /// A message from the application that Twilio would have refused: reported once per code per
    /// stream, as Twilio does (31950 binary frame, 31951 invalid message).
    struct Warning: Sendable {
        let code: Int
        let message: String
    }

    /// The µ-law audio the application sent in `media` messages, in order.
    var audio: [UInt8] = []
    /// The marks echoed back to the application, in order.
    var marks: [String] = []
    /// The messages exchanged, in order: those the sandbox sent by their `event` (`connected`,
    /// `start`, `media`, `dtmf`, `mark`, `stop`), the application's prefixed `app:` (`app:media`,
    /// `app:mark`, `app:clear`). A run of the same message is listed once.
    var events: [String] = []
    /// `media` messages sent with the caller's audio.
    var mediaFramesSent = 0
    /// The keys the caller pressed (`dtmf` messages), in order.
    var digitsSent = ""
    var warnings: [Warning] = []

    /// Notes a message in ``events``.
    mutating func note(_ event: String) {
        if events.last != event { events.append(event) }
    }

    /// Notes a refused message, unless one with the same code already was.
    mutating func warn(_ code: Int, _ message: String) {
        guard !warnings.contains(where: { $0.code == code }) else { return }
        warnings.append(Warning(code: code, message: message))
    }
}
