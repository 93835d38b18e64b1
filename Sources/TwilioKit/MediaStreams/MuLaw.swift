/// G.711 µ-law companding between 16-bit linear PCM and 8-bit µ-law, the
/// `audio/x-mulaw` format of Twilio Media Streams.
///
/// This is the classic ITU-T G.711 µ-law algorithm of Sun's reference `g711.c` (the 16-bit
/// `linear2ulaw`/`ulaw2linear` with bias 0x84) and of the Reese/Campbell `ulaw.c`: the
/// magnitude is clipped to 32635, biased by 0x84 (132), split into a 3-bit segment
/// (exponent) and a 4-bit mantissa, and the byte is inverted. There is no "zero trap".
///
/// Decoding returns the middle of the quantisation interval, so for a sample whose magnitude
/// is at most 32635 `decode(encode(x))` differs from `x` by at most `4 << segment`
/// (4 in segment 0, 512 in segment 7). Larger magnitudes are clipped first.
///
/// Every byte survives `encode(decode(byte))` except 0x7F, "negative zero": it decodes to
/// 0, like 0xFF, and 0 encodes to 0xFF.
public enum MuLaw {
    private static let bias: Int32 = 0x84
    private static let clip: Int32 = 32635

    /// Encodes one linear PCM sample as µ-law.
    ///
    /// - Parameter sample: A 16-bit signed linear sample.
    /// - Returns: The µ-law byte (0 encodes to 0xFF, 32767 to 0x80, -32768 to 0x00).
    public static func encode(_ sample: Int16) -> UInt8 {
        let value = Int32(sample)
        let sign: Int32 = value < 0 ? 0x80 : 0
        let biased = min(abs(value), clip) + bias
        let exponent = max(0, 7 - UInt8(truncatingIfNeeded: biased >> 7).leadingZeroBitCount)
        let mantissa = (biased >> Int32(exponent + 3)) & 0x0F
        return ~UInt8(truncatingIfNeeded: sign | Int32(exponent << 4) | mantissa)
    }

    /// Decodes one µ-law byte to linear PCM.
    ///
    /// - Parameter byte: A µ-law byte.
    /// - Returns: The 16-bit sample in the middle of the byte's quantisation interval.
    public static func decode(_ byte: UInt8) -> Int16 {
        let inverted = Int32(~byte)
        let exponent = (inverted >> 4) & 0x07
        let mantissa = inverted & 0x0F
        let magnitude = (((mantissa << 3) + bias) << exponent) - bias
        return Int16(inverted & 0x80 == 0 ? magnitude : -magnitude)
    }

    /// Every byte's sample, so that decoding a frame is a table look-up per byte.
    private static let decodeTable: [Int16] = (0...255).map { decode(UInt8($0)) }

    /// Every sample's byte, indexed by the sample's bit pattern (64 KiB, built once on first use).
    private static let encodeTable: [UInt8] = (0...Int(UInt16.max)).map { encode(Int16(bitPattern: UInt16($0))) }

    /// Encodes linear PCM samples as µ-law, one byte per sample.
    ///
    /// - Parameter samples: 16-bit signed linear samples.
    /// - Returns: The µ-law bytes, in the same order.
    public static func encode(_ samples: some Sequence<Int16>) -> [UInt8] {
        let table = encodeTable
        return samples.map { table[Int(UInt16(bitPattern: $0))] }
    }

    /// Encodes linear PCM samples as µ-law and appends the bytes to `bytes`.
    public static func encode(_ samples: some Sequence<Int16>, appendingTo bytes: inout [UInt8]) {
        let table = encodeTable
        for sample in samples { bytes.append(table[Int(UInt16(bitPattern: sample))]) }
    }

    /// Decodes µ-law bytes to linear PCM, one sample per byte.
    ///
    /// - Parameter bytes: µ-law bytes.
    /// - Returns: The 16-bit samples, in the same order.
    public static func decode(_ bytes: some Sequence<UInt8>) -> [Int16] {
        let table = decodeTable
        return bytes.map { table[Int($0)] }
    }
}
