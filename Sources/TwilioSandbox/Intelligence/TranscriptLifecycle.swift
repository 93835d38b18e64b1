import TwilioKit

/// A transcript's statuses and the only ways between them: a state machine in the manner of
/// AsyncHTTPClient's `HTTPRequestStateMachine`, its state TwilioKit's ``TranscriptStatus``.
///
/// ```
/// queued ──step──▶ in-progress ──step──▶ completed (a recording of the sandbox's)
///                                  └───▶ failed (audio at a URL: nothing to transcribe)
/// ```
///
/// Demo transcripts and those made through the inspection API are born `completed`.
struct TranscriptLifecycle: Sendable, Equatable {
    /// Something that happens to a transcript.
    enum Event: Sendable, Equatable {
        /// A status step passed; `transcribable` says whether the sandbox has the audio.
        case statusStepElapsed(transcribable: Bool)
    }

    /// What the simulator does after an event.
    enum Action: Sendable, Equatable {
        /// Nothing: the transcript is over.
        case ignore
        /// The transcription started.
        case start
        /// The transcription is over: its sentences are served once it `completed`.
        case finish
    }

    /// Where the transcript stands.
    private(set) var status: TranscriptStatus

    /// The lifecycle of a transcript at `status`.
    init(status: TranscriptStatus) {
        self.status = status
    }

    /// Whether the transcript moves on by itself (after a restart too).
    var movesOnByItself: Bool {
        status == .queued || status == .inProgress
    }

    /// Moves the transcript on with `event`: the one transition function of a transcript.
    mutating func handle(_ event: Event) -> Action {
        switch (status, event) {
        case (.queued, .statusStepElapsed):
            status = .inProgress
            return .start
        case (.inProgress, .statusStepElapsed(let transcribable)):
            status = transcribable ? .completed : .failed
            return .finish
        default:
            return .ignore
        }
    }
}
