import Foundation

/// The audio of a simulated recording: a WAV file (RIFF, 16-bit linear PCM at 8 kHz, as Twilio
/// serves recordings) holding a soft sine tone per channel: 440 Hz, and 660 Hz on the second
/// channel of a dual-channel recording.
enum WAVEncoder {
    static let sampleRate = 8000
    static let contentType = "audio/x-wav"

    /// A tone of `seconds` in `channels` channels (1 or 2).
    static func tone(seconds: Int, channels: Int) -> [UInt8] {
        let frequencies = [440.0, 660.0]
        let frameCount = max(0, seconds) * sampleRate
        let fade = Double(sampleRate / 50)
        var samples: [Int16] = []
        samples.reserveCapacity(frameCount * channels)
        for frame in 0..<frameCount {
            let time = Double(frame) / Double(sampleRate)
            // 20 ms fades at both ends keep the tone free of clicks.
            let envelope = min(1, Double(frame) / fade, Double(frameCount - frame) / fade)
            for channel in 0..<channels {
                let value = sin(2 * .pi * frequencies[channel % frequencies.count] * time) * 8000 * envelope
                samples.append(Int16(value.rounded()))
            }
        }
        return wav(samples: samples, channels: channels)
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
