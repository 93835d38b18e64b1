/// Standard base64 (RFC 4648, with `=` padding) over byte buffers, for the Media Streams hot path:
/// decodes into an array the caller reuses and encodes into memory the caller provides, so a 20 ms
/// frame costs no intermediate `Data` or `String`.
public enum Base64Bytes {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let invalid: UInt8 = 0xFF
    /// Each byte's 6-bit value, 0xFF for bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// The length of the base64 text of `count` bytes.
    public static func encodedLength(of count: Int) -> Int {
        (count + 2) / 3 * 4
    }

    /// Writes the base64 text of `bytes` to `output`, which must hold ``encodedLength(of:)`` bytes;
    /// returns the bytes written.
    public static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        let count = bytes.count
        while index + 3 <= count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output[written] = alphabet[Int(value >> 18 & 0x3F)]
            output[written + 1] = alphabet[Int(value >> 12 & 0x3F)]
            output[written + 2] = alphabet[Int(value >> 6 & 0x3F)]
            output[written + 3] = alphabet[Int(value & 0x3F)]
            written += 4
            index += 3
        }
        let remaining = count - index
        if remaining > 0 {
            let first = UInt32(bytes[index]) << 16
            let value = remaining == 2 ? first | UInt32(bytes[index + 1]) << 8 : first
            output[written] = alphabet[Int(value >> 18 & 0x3F)]
            output[written + 1] = alphabet[Int(value >> 12 & 0x3F)]
            output[written + 2] = remaining == 2 ? alphabet[Int(value >> 6 & 0x3F)] : UInt8(ascii: "=")
            output[written + 3] = UInt8(ascii: "=")
            written += 4
        }
        return written
    }

    /// Decodes base64 `text` (padded; no whitespace) and appends the bytes to `output`.
    /// - Returns: `false`, leaving `output` as it was, when `text` is not base64.
    public static func decode(_ text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Bool {
        let count = text.count
        guard count % 4 == 0 else { return false }
        guard count > 0 else { return true }
        let start = output.count
        output.reserveCapacity(start + count / 4 * 3)
        var index = 0
        while index < count {
            let a = values[Int(text[index])], b = values[Int(text[index + 1])]
            let c = values[Int(text[index + 2])], d = values[Int(text[index + 3])]
            let isLast = index + 4 == count
            if a == invalid || b == invalid {
                output.removeSubrange(start...)
                return false
            }
            if c == invalid || d == invalid {
                // Only the last quantum may be padded: "xx==" or "xxx=".
                let paddedTwo = c == invalid && text[index + 2] == UInt8(ascii: "=") && text[index + 3] == UInt8(ascii: "=")
                let paddedOne = c != invalid && text[index + 3] == UInt8(ascii: "=")
                guard isLast, paddedTwo || paddedOne else {
                    output.removeSubrange(start...)
                    return false
                }
                output.append(a << 2 | b >> 4)
                if paddedOne { output.append(b << 4 | c >> 2) }
                return true
            }
            output.append(a << 2 | b >> 4)
            output.append(b << 4 | c >> 2)
            output.append(c << 6 | d)
            index += 4
        }
        return true
    }
}
