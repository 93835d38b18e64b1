/// What one media stream exchanged, for the ``MediaStreamOutcome`` and the call's event log.
struct MediaStreamReport: Sendable {
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
    /// Warnings Twilio would log for the application's messages (31950, 31951, 31931): each
    /// code once per stream, as Twilio reports them.
    private(set) var warnings: [MediaStreamError] = []
    /// The error that ended the stream (31924), if one did.
    var failure: MediaStreamError?

    /// Notes a message in ``events``.
    mutating func note(_ event: String) {
        if events.last != event { events.append(event) }
    }

    /// Notes a warning, unless one with the same code already was.
    mutating func warn(_ warning: MediaStreamError) {
        guard !warnings.contains(where: { $0.code == warning.code }) else { return }
        warnings.append(warning)
    }
}
