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

    /// An outcome of `audio`, `marks` and `events`, ended for `end`.
    init(audio: [UInt8] = [], marks: [String] = [], events: [String] = [], end: MediaStreamEnd? = nil) {
        self.audio = audio
        self.marks = marks
        self.events = events
        self.end = end
    }

    /// Nothing was exchanged: the stream never started.
    static let empty = MediaStreamOutcome()

    /// Seconds of audio received (8000 µ-law bytes a second).
    var audioSeconds: Double { Double(audio.count) / 8000 }
}
