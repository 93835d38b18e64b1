import TwilioKit

/// WAV files for workflows: read (PCM of 8 or 16 bits, or µ-law; any rate; mono or stereo) as 8 kHz
/// mono PCM for the stream, and written as 8 kHz mono 16-bit PCM.
public enum WAVFile {
    /// Why a file cannot be read.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    private static let pcm: UInt16 = 1
    private static let muLawFormat: UInt16 = 7
    private static let extensible: UInt16 = 0xFFFE

    /// The audio of a WAV file as 16-bit PCM at 8 kHz, mono (channels mixed, resampled linearly).
    public static func samples(of bytes: [UInt8]) throws(Problem) -> [Int16] {
        guard bytes.count >= 12, text(bytes, 0, 4) == "RIFF", text(bytes, 8, 4) == "WAVE" else {
            throw Problem(description: "not a WAV file (no RIFF/WAVE header)")
        }
        var offset = 12
        var format: (tag: UInt16, channels: Int, rate: Int, bits: Int)?
        while offset + 8 <= bytes.count {
            let id = text(bytes, offset, 4)
            let size = Int(uint32(bytes, offset + 4))
            let body = offset + 8
            let end = min(bytes.count, body + size)
            if id == "fmt ", end - body >= 16 {
                var tag = uint16(bytes, body)
                if tag == extensible, end - body >= 26 { tag = uint16(bytes, body + 24) }
                format = (tag, Int(uint16(bytes, body + 2)), Int(uint32(bytes, body + 4)), Int(uint16(bytes, body + 14)))
            } else if id == "data" {
                guard let format else { throw Problem(description: "the data chunk comes before the fmt chunk") }
                let decoded = try decode(bytes[body..<end], tag: format.tag, bits: format.bits)
                return resample(mix(decoded, channels: format.channels), from: format.rate)
            }
            offset = body + size + size % 2
        }
        throw Problem(description: "no data chunk")
    }

    /// `samples` (16-bit PCM, 8 kHz, mono) as a WAV file.
    public static func bytes(of samples: [Int16], sampleRate: Int = 8000) -> [UInt8] {
        let dataSize = samples.count * 2
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + dataSize)
        bytes += Array("RIFF".utf8) + le32(36 + dataSize) + Array("WAVE".utf8)
        bytes += Array("fmt ".utf8) + le32(16) + le16(pcm) + le16(1) + le32(sampleRate) + le32(sampleRate * 2) + le16(2) + le16(16)
        bytes += Array("data".utf8) + le32(dataSize)
        for sample in samples { bytes += le16(UInt16(bitPattern: sample)) }
        return bytes
    }

    private static func decode(_ data: ArraySlice<UInt8>, tag: UInt16, bits: Int) throws(Problem) -> [Int16] {
        switch (tag, bits) {
        case (pcm, 16):
            return stride(from: data.startIndex, to: data.endIndex - 1, by: 2).map { Int16(bitPattern: uint16(data, $0)) }
        case (pcm, 8):
            return data.map { Int16(Int($0) - 128) << 8 }
        case (muLawFormat, 8):
            return MuLaw.decode(data)
        default:
            throw Problem(description: "unsupported WAV encoding (format \(tag), \(bits) bits): use 8 or 16-bit PCM or µ-law")
        }
    }

    private static func mix(_ samples: [Int16], channels: Int) -> [Int16] {
        guard channels > 1 else { return samples }
        return stride(from: 0, to: samples.count - channels + 1, by: channels).map { start in
            Int16(samples[start..<start + channels].reduce(0) { $0 + Int($1) } / channels)
        }
    }

    private static func resample(_ samples: [Int16], from rate: Int) -> [Int16] {
        guard rate != ToneGenerator.sampleRate, rate > 0, !samples.isEmpty else { return samples }
        let count = samples.count * ToneGenerator.sampleRate / rate
        let step = Double(rate) / Double(ToneGenerator.sampleRate)
        return (0..<count).map { index in
            let position = Double(index) * step
            let left = min(Int(position), samples.count - 1), right = min(left + 1, samples.count - 1)
            let fraction = position - Double(left)
            return Int16((Double(samples[left]) * (1 - fraction) + Double(samples[right]) * fraction).rounded())
        }
    }

    private static func text(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> String {
        String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    private static func uint16<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ offset: Int) -> UInt16 where Bytes.Index == Int {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << ($1 * 8) }
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
}
