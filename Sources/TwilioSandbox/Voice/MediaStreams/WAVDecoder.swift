import TwilioKit

/// Reads the audio of a RIFF/WAVE file: linear PCM (8-bit unsigned or 16-bit signed) or G.711
/// µ-law, plain or `WAVE_FORMAT_EXTENSIBLE`, any sample rate, any number of channels.
enum WAVDecoder {
    /// Decoded audio: mono 16-bit samples at the file's rate.
    struct Audio: Sendable {
        let samples: [Int16]
        let sampleRate: Int

        /// The audio at `rate`, by linear interpolation.
        func resampled(to rate: Int) -> [Int16] {
            guard rate != sampleRate, sampleRate > 0, !samples.isEmpty else { return samples }
            let step = Double(sampleRate) / Double(rate)
            let count = Int(Double(samples.count) / step)
            return (0..<count).map { index in
                let position = Double(index) * step
                let lower = min(Int(position), samples.count - 1)
                let upper = min(lower + 1, samples.count - 1)
                let fraction = position - Double(lower)
                return Int16((Double(samples[lower]) * (1 - fraction) + Double(samples[upper]) * fraction).rounded())
            }
        }
    }

    /// Why a file could not be read.
    struct DecodingError: Error, CustomStringConvertible {
        let description: String
    }

    private static let pcm = 1
    private static let muLaw = 7
    private static let extensible = 0xFFFE

    /// Decodes a WAV file's bytes, mixing its channels down to one.
    static func decode(_ bytes: [UInt8]) throws(DecodingError) -> Audio {
        guard bytes.count >= 12, ascii(bytes, 0) == "RIFF", ascii(bytes, 8) == "WAVE" else {
            throw DecodingError(description: "not a RIFF/WAVE file")
        }
        var format: (code: Int, channels: Int, rate: Int, bits: Int)?
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = integer(bytes, offset + 4, width: 4)
            let body = offset + 8
            let end = min(body + size, bytes.count)
            switch ascii(bytes, offset) {
            case "fmt " where size >= 16:
                var code = integer(bytes, body, width: 2)
                if code == extensible, size >= 26 { code = integer(bytes, body + 24, width: 2) }
                format = (code, integer(bytes, body + 2, width: 2), integer(bytes, body + 4, width: 4), integer(bytes, body + 14, width: 2))
            case "data":
                guard let format else { throw DecodingError(description: "the data chunk comes before the fmt chunk") }
                return Audio(samples: try mix(Array(bytes[body..<end]), format), sampleRate: format.rate)
            default:
                break
            }
            offset = body + size + size % 2
        }
        throw DecodingError(description: "no data chunk")
    }

    /// The samples of `data` in `format`, its channels mixed down to one.
    private static func mix(_ data: [UInt8], _ format: (code: Int, channels: Int, rate: Int, bits: Int)) throws(DecodingError) -> [Int16] {
        let channels = max(1, format.channels)
        let decoded: [Int16]
        switch (format.code, format.bits) {
        case (pcm, 16): decoded = stride(from: 0, to: data.count - 1, by: 2).map { Int16(bitPattern: UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8) }
        case (pcm, 8): decoded = data.map { Int16((Int($0) - 128) << 8) }
        case (muLaw, 8): decoded = MuLaw.decode(data)
        default: throw DecodingError(description: "unsupported format \(format.code) with \(format.bits) bits (16-bit or 8-bit PCM, or µ-law)")
        }
        guard channels > 1 else { return decoded }
        return stride(from: 0, to: decoded.count - channels + 1, by: channels).map { start in
            Int16(decoded[start..<start + channels].reduce(0) { $0 + Int($1) } / channels)
        }
    }

    /// The four-character chunk name at `offset`.
    private static func ascii(_ bytes: [UInt8], _ offset: Int) -> String {
        guard offset + 4 <= bytes.count else { return "" }
        return String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    /// A little-endian unsigned integer of `width` bytes (0 past the end).
    private static func integer(_ bytes: [UInt8], _ offset: Int, width: Int) -> Int {
        guard offset + width <= bytes.count else { return 0 }
        return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
}
