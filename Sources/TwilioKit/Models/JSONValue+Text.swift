extension JSONValue {
    /// Compact JSON text with sorted keys and unescaped slashes: what `JSONEncoder` with
    /// `[.sortedKeys, .withoutEscapingSlashes]` writes, without its cost.
    public var compactText: String { String(decoding: compactBytes, as: UTF8.self) }

    /// ``compactText`` as UTF-8 bytes.
    public var compactBytes: [UInt8] { text(indentation: nil) }

    /// Indented JSON text with sorted keys and unescaped slashes: what `JSONEncoder` with
    /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes, without its cost.
    public var prettyText: String { String(decoding: text(indentation: 0), as: UTF8.self) }

    /// The value's text as UTF-8: compact when `indentation` is `nil`, else pretty from it.
    private func text(indentation: Int?) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        write(to: &bytes, indentation: indentation)
        return bytes
    }

    /// Writes the value, compact when `indentation` is `nil`, else pretty with its items
    /// indented two spaces more than `indentation`.
    private func write(to bytes: inout [UInt8], indentation: Int?) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): bytes.append(contentsOf: Self.numberText(number).utf8)
        case .string(let text): Self.writeString(text, to: &bytes)
        case .array(let items):
            Self.writeContainer(UInt8(ascii: "["), UInt8(ascii: "]"), count: items.count, to: &bytes, indentation: indentation) {
                index, bytes, inner in items[index].write(to: &bytes, indentation: inner)
            }
        case .object(let fields):
            let sorted = fields.sorted { $0.key < $1.key }
            Self.writeContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), count: sorted.count, to: &bytes, indentation: indentation) {
                index, bytes, inner in
                Self.writeString(sorted[index].key, to: &bytes)
                if inner == nil { bytes.append(UInt8(ascii: ":")) } else { bytes.append(contentsOf: " : ".utf8) }
                sorted[index].value.write(to: &bytes, indentation: inner)
            }
        }
    }

    /// An array or object: `open`, the `count` items `writeItem` writes, `close`; pretty as
    /// `JSONEncoder` is (one item a line, and an empty line between the brackets when empty).
    private static func writeContainer(_ open: UInt8, _ close: UInt8, count: Int, to bytes: inout [UInt8], indentation: Int?,
                                       writeItem: (Int, inout [UInt8], Int?) -> Void) {
        let inner = indentation.map { $0 + 2 }
        bytes.append(open)
        if inner != nil { bytes.append(UInt8(ascii: "\n")) }
        for index in 0..<count {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
                if inner != nil { bytes.append(UInt8(ascii: "\n")) }
            }
            if let inner { bytes += repeatElement(UInt8(ascii: " "), count: inner) }
            writeItem(index, &bytes, inner)
        }
        if let indentation {
            bytes.append(UInt8(ascii: "\n"))
            bytes += repeatElement(UInt8(ascii: " "), count: indentation)
        }
        bytes.append(close)
    }

    /// A number as JSON writes it: whole numbers without a fraction, others in their shortest form;
    /// JSON has no NaN or infinity, so those are `null`.
    static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        let text = "\(number)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A JSON string: runs that need no escaping are copied whole.
    private static func writeString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                writeEscaped(byte, to: &bytes)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A quote, a backslash or a control character, escaped.
    private static func writeEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
