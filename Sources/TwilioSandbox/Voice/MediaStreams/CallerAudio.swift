import Foundation
import TwilioKit

/// The caller's audio of one stream as Media Streams frames: 20 ms each, 160 bytes of 8 kHz
/// µ-law (`audio/x-mulaw`), the last one padded with silence. Generated sources are rendered a
/// frame at a time, so a long stream costs nothing up front.
struct CallerAudio: Sendable {
    static let sampleRate = 8000
    /// Bytes (samples) per frame.
    static let frameBytes = 160
    static let frameDuration = Duration.milliseconds(20)

    /// Where the samples come from.
    private enum Generator: Sendable {
        case samples([Int16])
        case speech(SpeechLikeSignal)
        case tone(frequency: Double)
        case silence
    }

    private var generator: Generator
    private let sampleCount: Int
    private var position = 0
    /// How many frames the audio makes.
    let frameCount: Int
    /// Whether the audio was cut at the `maximumSeconds` it was given (the call's time limit).
    let isCutShort: Bool

    /// `audio`, at most `maximumSeconds` of it. Throws when a WAV file cannot be read.
    init(_ audio: MediaStreamAudio, maximumSeconds: Double) throws {
        let count = Self.samples(in: audio.seconds)
        switch audio.source {
        case .speechLike:
            self.init(.speech(SpeechLikeSignal(sampleRate: Self.sampleRate)), sampleCount: count, maximumSeconds: maximumSeconds)
        case .tone(let frequency):
            self.init(.tone(frequency: frequency), sampleCount: count, maximumSeconds: maximumSeconds)
        case .silence:
            self.init(.silence, sampleCount: count, maximumSeconds: maximumSeconds)
        case .wavFile(let path):
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let samples = try WAVDecoder.decode([UInt8](data)).resampled(to: Self.sampleRate)
            self.init(.samples(samples), sampleCount: samples.count, maximumSeconds: maximumSeconds)
        }
    }

    /// `seconds` of silence, at most `maximumSeconds` of it.
    init(silenceOf seconds: Double, maximumSeconds: Double) {
        self.init(.silence, sampleCount: Self.samples(in: seconds), maximumSeconds: maximumSeconds)
    }

    /// Audio from `generator`: `sampleCount` samples, at most `maximumSeconds` of them.
    private init(_ generator: Generator, sampleCount: Int, maximumSeconds: Double) {
        self.generator = generator
        self.sampleCount = min(sampleCount, Self.samples(in: maximumSeconds))
        isCutShort = self.sampleCount < sampleCount
        frameCount = (self.sampleCount + Self.frameBytes - 1) / Self.frameBytes
    }

    /// How many samples `seconds` take.
    private static func samples(in seconds: Double) -> Int {
        Int(max(0, seconds) * Double(sampleRate))
    }

    /// The next frame, `nil` once the audio is over.
    mutating func nextFrame() -> [UInt8]? {
        guard position < sampleCount else { return nil }
        let count = min(Self.frameBytes, sampleCount - position)
        let samples: [Int16]
        switch generator {
        case .samples(let all):
            samples = Array(all[position..<position + count])
        case .speech(var signal):
            samples = (0..<count).map { _ in signal.next() }
            generator = .speech(signal)
        case .tone(let frequency):
            samples = (position..<position + count).map { index in
                Int16((sin(2 * .pi * frequency * Double(index) / Double(Self.sampleRate)) * 8000).rounded())
            }
        case .silence:
            samples = Array(repeating: 0, count: count)
        }
        position += count
        return MuLaw.encode(samples) + Array(repeating: MuLaw.encode(0), count: Self.frameBytes - count)
    }
}
