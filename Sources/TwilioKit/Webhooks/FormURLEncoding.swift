/// `application/x-www-form-urlencoded` decoding, and the escaping of Node's legacy `querystring`
/// module, as needed by webhook signature validation.
enum FormURLEncoding {
    /// Decodes `name=value&…` pairs in order, repeats preserved: `+` becomes a space, valid `%XX`
    /// escapes are decoded (invalid ones are kept literally), a pair without `=` has an empty
    /// value, and empty pairs are skipped.
    static func decode(_ string: String) -> [(String, String)] {
        string.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return (unescape(pair), "") }
            return (unescape(pair[..<equals]), unescape(pair[pair.index(after: equals)...]))
        }
    }

    /// Escapes like Node's `querystring.escape`: everything except ASCII letters, digits and
    /// `-._~!'()*` is percent-encoded as UTF-8.
    static func legacyEscape(_ string: String) -> String {
        var result = ""
        for byte in string.utf8 {
            if isLegacyUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += percentEscape(byte)
            }
        }
        return result
    }

    /// `%XX` with uppercase hex digits.
    static func percentEscape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "%0" + hex : "%" + hex
    }

    private static func isLegacyUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("-._~!'()*".utf8).contains(byte)
        }
    }

    private static func unescape(_ component: Substring) -> String {
        let bytes = Array(component.utf8)
        var decoded: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
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
