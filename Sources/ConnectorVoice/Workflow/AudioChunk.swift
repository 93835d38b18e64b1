import TwilioKit

/// A piece of the caller's audio as Twilio sent it: 8 kHz µ-law, usually 20 ms (160 bytes).
public struct AudioChunk: Sendable, Equatable {
    /// The µ-law bytes (`audio/x-mulaw`), one per sample.
    public let muLaw: [UInt8]
    /// Where the chunk starts in the caller's audio, in milliseconds from the start of the stream.
    public let timestampMilliseconds: Int

    /// Creates a chunk.
    public init(muLaw: [UInt8], timestampMilliseconds: Int) {
        self.muLaw = muLaw
        self.timestampMilliseconds = timestampMilliseconds
    }

    /// The audio as 16-bit linear PCM at 8 kHz (decoded with ``MuLaw``).
    public var samples: [Int16] { MuLaw.decode(muLaw) }

    /// The chunk's length.
    public var duration: Duration { .microseconds(Int64(muLaw.count) * 125) }
}
