/// What happened on a media stream.
struct MediaStreamOutcome: Sendable, Equatable {
    /// The audio the server sent back in `media` messages: 8 kHz µ-law bytes, in order.
    var audio: [UInt8]
    /// The names of the `mark`s echoed back to the server, in order.
    var marks: [String]
    /// The messages exchanged, in order (`connected`, `start`, `media`, `mark`, `clear`, `stop`, …).
    var events: [String]
    /// Why the stream ended; `nil` when it never started.
    var end: MediaStreamEnd?
    /// The caller's 20 ms frames sent: how long the stream lasted in call time.
    var framesSent: Int

    /// An outcome of `audio`, `marks` and `events`, ended for `end` after `framesSent` of the caller's frames.
    init(audio: [UInt8] = [], marks: [String] = [], events: [String] = [], end: MediaStreamEnd? = nil, framesSent: Int = 0) {
        self.audio = audio
        self.marks = marks
        self.events = events
        self.end = end
        self.framesSent = framesSent
    }

    /// Nothing was exchanged: the stream never started.
    static let empty = MediaStreamOutcome()

    /// Seconds of call time the stream lasted: 20 ms a frame of the caller's, whatever the
    /// application sent back (Twilio bills the time connected, not the audio played).
    var callSeconds: Double { Double(framesSent) / 50 }
}
