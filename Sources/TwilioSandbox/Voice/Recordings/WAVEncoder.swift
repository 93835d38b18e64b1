import Foundation

/// The audio of a simulated recording: a WAV file (RIFF, 16-bit linear PCM at 8 kHz, as Twilio
/// serves recordings). The caller's side is a soft sine tone (440 Hz); the other side is a 660 Hz
/// tone, or what the application streamed to the call when it did.
enum WAVEncoder {
    static let sampleRate = 8000
    static let contentType = "audio/x-wav"

    /// A tone of `seconds` in `channels` channels (1 or 2).
    static func tone(seconds: Int, channels: Int) -> [UInt8] {
        recording(seconds: seconds, channels: channels, outbound: nil)
    }

    /// A recording of `seconds`: on two channels the caller's tone and the outbound side (the
    /// `outbound` samples, padded with silence or cut to length, else a second tone); on one
    /// channel the caller's tone alone, or mixed with `outbound`.
    static func recording(seconds: Int, channels: Int, outbound: [Int16]?) -> [UInt8] {
        let frameCount = max(0, seconds) * sampleRate
        let caller = toneSamples(frequency: 440, frameCount: frameCount)
        let other: [Int16] = if let outbound {
            Array(outbound.prefix(frameCount)) + Array(repeating: 0, count: max(0, frameCount - outbound.count))
        } else {
            toneSamples(frequency: 660, frameCount: frameCount)
        }
        var samples: [Int16] = []
        samples.reserveCapacity(frameCount * channels)
        for frame in 0..<frameCount {
            if channels >= 2 {
                samples.append(caller[frame])
                samples.append(other[frame])
            } else {
                samples.append(outbound == nil ? caller[frame] : Int16(clamping: Int(caller[frame]) + Int(other[frame])))
            }
        }
        return wav(samples: samples, channels: min(channels, 2))
    }

    /// A sine at `frequency` with 20 ms fades at both ends, which keep it free of clicks.
    private static func toneSamples(frequency: Double, frameCount: Int) -> [Int16] {
        let fade = Double(sampleRate / 50)
        return (0..<frameCount).map { frame in
            let time = Double(frame) / Double(sampleRate)
            let envelope = min(1, Double(frame) / fade, Double(frameCount - frame) / fade)
            return Int16((sin(2 * .pi * frequency * time) * 8000 * envelope).rounded())
        }
    }

    /// A RIFF/WAVE file around interleaved 16-bit samples.
    static func wav(samples: [Int16], channels: Int) -> [UInt8] {
        let bytesPerSample = 2
        let dataSize = samples.count * bytesPerSample
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + dataSize)
        func append(_ text: String) { bytes.append(contentsOf: Array(text.utf8)) }
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { bytes.append(contentsOf: $0) } }
        append("RIFF")
        append32(36 + dataSize)
        append("WAVE")
        append("fmt ")
        append32(16)
        append16(1)  // linear PCM
        append16(channels)
        append32(sampleRate)
        append32(sampleRate * channels * bytesPerSample)  // byte rate
        append16(channels * bytesPerSample)  // block align
        append16(bytesPerSample * 8)
        append("data")
        append32(dataSize)
        for sample in samples {
            withUnsafeBytes(of: sample.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
