/// The caller's side of a `<Connect><Stream>`: what the simulated handset says into the stream,
/// and how fast the stream's 20 ms frames are sent.
public struct MediaStreamAudio: Sendable, Equatable {
    /// Where the caller's audio comes from.
    public enum Source: Sendable, Equatable {
        /// A synthetic voice: voiced syllables in words with pauses between them (the default), so
        /// voice activity detection and turn-taking logic have something to react to.
        case speechLike
        /// A steady sine tone of `frequency` hertz.
        case tone(frequency: Double)
        /// Silence.
        case silence
        /// A WAV file (linear PCM of 8 or 16 bits, or µ-law; any sample rate; mono or stereo),
        /// converted to 8 kHz mono µ-law. It plays for its own length.
        case wavFile(path: String)
    }

    /// Where the audio comes from.
    public var source: Source
    /// Seconds of audio a generated source (``Source/speechLike``, ``Source/tone(frequency:)``,
    /// ``Source/silence``) lasts. The stream ends when the audio does.
    public var seconds: Double
    /// How many times faster than real time the frames go: 1 sends one every 20 ms, as Twilio
    /// does; tests raise it.
    public var speedUp: Double

    /// Creates the caller's audio: by default five seconds of speech-like sound in real time.
    public init(source: Source = .speechLike, seconds: Double = 5, speedUp: Double = 1) {
        self.source = source
        self.seconds = seconds
        self.speedUp = speedUp
    }

    /// The real time between two frames.
    var frameInterval: Duration {
        CallerAudio.frameDuration / max(speedUp, 0.001)
    }
}
