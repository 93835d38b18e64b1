/// `application/x-www-form-urlencoded` decoding, and the escaping of Node's legacy `querystring`
/// module, as needed by webhook signature validation.
enum FormURLEncoding {
    /// Decodes `name=value&…` pairs in order, repeats preserved: `+` becomes a space, valid `%XX`
    /// escapes are decoded (invalid ones are kept literally), a pair without `=` has an empty
    /// value, and empty pairs are skipped. Split on the UTF-8 bytes, as the SDKs split code points
    /// (a `&` or `=` followed by a combining mark still separates).
    static func decode(_ string: String) -> [(String, String)] {
        var string = string
        return string.withUTF8 { bytes in
            bytes.split(separator: UInt8(ascii: "&")).map { pair in
                guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { return (unescape(pair), "") }
                return (unescape(pair[..<equals]), unescape(pair[(equals + 1)...]))
            }
        }
    }

    /// Escapes like Node's `querystring.escape`: everything except ASCII letters, digits and
    /// `-._~!'()*` is percent-encoded as UTF-8.
    static func legacyEscape(_ string: String) -> String {
        percentEncode(string) { isUnreserved($0) || Array("!'()*".utf8).contains($0) }
    }

    /// Percent-encodes, as `%XX` with uppercase hex digits, each UTF-8 byte of `string` that
    /// `isKept` refuses; the string itself when it keeps them all.
    static func percentEncode(_ string: String, keeping isKept: (UInt8) -> Bool) -> String {
        guard !string.utf8.allSatisfy(isKept) else { return string }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count * 3)
        percentEncode(string, keeping: isKept, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `string` to `bytes`, each UTF-8 byte that `isKept` refuses as `%XX`.
    static func percentEncode(_ string: String, keeping isKept: (UInt8) -> Bool, into bytes: inout [UInt8]) {
        for byte in string.utf8 {
            if isKept(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// RFC 3986's unreserved characters: ASCII letters, digits and `-._~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func unescape(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
