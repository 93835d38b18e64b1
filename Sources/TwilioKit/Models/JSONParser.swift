/// A strict JSON parser for request bodies: exactly RFC 8259 — no trailing commas, no comments, no
/// duplicate keys (which other parsers resolve silently, each its own way) — with errors that say
/// where, by line and column, in plain words.
public struct JSONParser {
    /// Why the text is not JSON, and where.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The line, from 1.
        public let line: Int
        /// The column, from 1, in characters.
        public let column: Int
        /// What is wrong there.
        public let reason: String

        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    /// The deepest nesting accepted.
    public static let maximumDepth = 100

    private let bytes: [UInt8]
    private var index = 0
    /// The fields of the objects being read, innermost last: an object's fields gather here and
    /// become a dictionary of the right size at its `}` (one grown field by field was rehashed at
    /// every doubling).
    private var members: [(key: String, keyStart: Int, value: JSONValue)] = []

    /// Parses `bytes`, which must hold exactly one JSON value (whitespace around it allowed).
    public static func parse(_ bytes: some Collection<UInt8>) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: Array(bytes))
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count else { throw parser.failure("the text is empty: expected a JSON value") }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    /// Parses `text`.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ reason: String) -> Failure {
        var line = 1
        var lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return Failure(line: line, column: column, reason: reason)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
        skipWhitespace()
        guard let byte = current else { throw failure("the text ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("expected a value (an object, array, string, number, true, false or null), found \(Self.describe(byte))")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else {
            throw failure("expected \(word)")
        }
        index += expected.count
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return .object([:]) }
        let first = members.count
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw failure(current == UInt8(ascii: "}") ? "a comma before } is not allowed (trailing comma)" : "expected a key in double quotes")
            }
            let keyStart = index
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected : after the key \"\(key)\"") }
            index += 1
            members.append((key, keyStart, try value(depth: depth + 1)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(try fields(from: first))
            case nil: throw failure("the text ends inside an object: expected , or }")
            default: throw failure("expected , or } after the value of \"\(key)\"")
            }
        }
    }

    /// The object made of the members from `first` on, which are then forgotten.
    private mutating func fields(from first: Int) throws(Failure) -> [String: JSONValue] {
        var fields = [String: JSONValue](minimumCapacity: members.count - first)
        for member in members[first...] where fields.updateValue(member.value, forKey: member.key) != nil {
            index = member.keyStart
            throw failure("the key \"\(member.key)\" appears twice in the same object")
        }
        members.removeSubrange(first...)
        return fields
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw failure("a comma before ] is not allowed (trailing comma)") }
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            case nil: throw failure("the text ends inside an array: expected , or ]")
            default: throw failure("expected , or ] after an array item")
            }
        }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var text = ""
        var runStart = index
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                text += String(decoding: bytes[runStart..<index], as: UTF8.self)
                index += 1
                return text
            case UInt8(ascii: "\\"):
                text += String(decoding: bytes[runStart..<index], as: UTF8.self)
                index += 1
                text.unicodeScalars.append(try escape())
                runStart = index
            case 0x00..<0x20:
                throw failure("a control character (\(Self.describe(byte))) inside a string must be escaped")
            default:
                index += 1
            }
        }
        throw failure("the text ends inside a string: a closing \" is missing")
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        guard let byte = current else { throw failure("the text ends inside an escape sequence") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            if (0xD800..<0xDC00).contains(unit) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("a \\u escape of a high surrogate must be followed by its low surrogate")
                }
                index += 2
                let low = try hexUnit()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a \\u escape of a high surrogate must be followed by its low surrogate") }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw failure("an invalid \\u escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(UInt32(unit)) else { throw failure("a lone low surrogate in a \\u escape") }
            return scalar
        default:
            index -= 1
            throw failure("\\\(Self.describe(byte)) is not an escape sequence JSON knows")
        }
    }

    private mutating func hexUnit() throws(Failure) -> UInt16 {
        guard bytes.count - index >= 4 else { throw failure("a \\u escape needs four hexadecimal digits") }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else { throw failure("a \\u escape needs four hexadecimal digits") }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw failure("a number needs a digit after -") }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = current, Self.isDigit(next) { throw failure("numbers must not have leading zeros") }
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let digit = current, Self.isDigit(digit) else { throw failure("a number needs digits after the decimal point") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, Self.isDigit(digit) else { throw failure("a number needs digits in its exponent") }
            skipDigits()
        }
        guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)), number.isFinite else {
            index = start
            throw failure("the number is too large")
        }
        return .number(number)
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        guard !(0x21..<0x7F).contains(byte) else { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = Array("0123456789ABCDEF")
        return "byte 0x" + String([hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
    }
}
