import Testing
import TwilioKit

struct MuLawTests {
    @Test func knownValues() {
        #expect(MuLaw.encode(0) == 0xFF)
        #expect(MuLaw.encode(32767) == 0x80)
        #expect(MuLaw.encode(-32768) == 0x00)
        #expect(MuLaw.encode(-1) == 0x7F)
        #expect(MuLaw.decode(0xFF) == 0)
        #expect(MuLaw.decode(0x7F) == 0)
        #expect(MuLaw.decode(0x80) == 32124)
        #expect(MuLaw.decode(0x00) == -32124)
    }

    @Test func decodeOfEncodeIsWithinTheSegmentQuantisationError() {
        for value in Int(Int16.min)...Int(Int16.max) {
            let byte = MuLaw.encode(Int16(value))
            let segment = Int((~byte >> 4) & 0x07)
            let clipped = max(-32635, min(32635, value))
            let error = abs(Int(MuLaw.decode(byte)) - clipped)
            #expect(error <= 4 << segment, "sample \(value) -> 0x\(String(byte, radix: 16))")
            if error > 4 << segment { return }
        }
    }

    @Test func encodeOfDecodeIsIdentityExceptNegativeZero() {
        for byte in UInt8.min...UInt8.max {
            let expected: UInt8 = byte == 0x7F ? 0xFF : byte
            #expect(MuLaw.encode(MuLaw.decode(byte)) == expected, "byte 0x\(String(byte, radix: 16))")
        }
    }

    @Test func decodingIsMonotonicAndSymmetric() {
        let positive = (0x80...0xFF).reversed().map { MuLaw.decode(UInt8($0)) }
        #expect(positive == positive.sorted())
        for byte in UInt8(0x00)...UInt8(0x7F) {
            #expect(MuLaw.decode(byte) == -MuLaw.decode(byte | 0x80))
        }
    }

    @Test func bufferVersionsMatchPerSampleVersions() {
        let samples: [Int16] = [0, 1, -1, 100, -100, 1000, -1000, 8000, -8000, .max, .min]
        let bytes = MuLaw.encode(samples)
        #expect(bytes == samples.map { MuLaw.encode($0) })
        #expect(MuLaw.decode(bytes) == bytes.map { MuLaw.decode($0) })
        #expect(MuLaw.encode([Int16]()).isEmpty)
        #expect(MuLaw.decode([UInt8]()).isEmpty)
    }
}
