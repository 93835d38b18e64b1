import Foundation
import Synchronization

/// Property names in snake_case, converted exactly as `JSONEncoder`'s `convertToSnakeCase` does
/// (`dateCreated` → `date_created`, `mediaURL` → `media_url`), each name once per process.
enum SnakeCaseKeys {
    private static let cache = Mutex<[String: String]>([:])
    private static let camelCache = Mutex<[String: String]>([:])

    /// `fields` with their keys in camelCase, as `JSONDecoder`'s `convertFromSnakeCase` reads
    /// them (a key that two fields share after conversion keeps either's value), under one lock.
    static func camelCased(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        guard fields.keys.contains(where: { $0.utf8.contains(UInt8(ascii: "_")) }) else { return fields }
        return camelCache.withLock { known in
            var converted: [String: JSONValue] = [:]
            converted.reserveCapacity(fields.count)
            for (key, value) in fields { converted[camelCase(key, known: &known)] = value }
            return converted
        }
    }

    /// `key` in camelCase (`date_created` → `dateCreated`, `_leading` and `trailing_` kept),
    /// exactly as `JSONDecoder.KeyDecodingStrategy.convertFromSnakeCase`; each key converted once
    /// per process (`known`).
    private static func camelCase(_ key: String, known: inout [String: String]) -> String {
        guard key.utf8.contains(UInt8(ascii: "_")) else { return key }
        if let converted = known[key] { return converted }
        let converted = camelCaseConverting(key)
        known[key] = converted
        return converted
    }

    private static func camelCaseConverting(_ key: String) -> String {
        guard let first = key.firstIndex(where: { $0 != "_" }) else { return key }
        var last = key.index(before: key.endIndex)
        while last > first, key[last] == "_" { key.formIndex(before: &last) }
        let words = key[first...last].split(separator: "_")
        let joined = words.count == 1
            ? String(words[0])
            : words[0].lowercased() + words.dropFirst().map(capitalized).joined()
        return String(key[..<first]) + joined + String(key[key.index(after: last)...])
    }

    /// `word` with its first letter upper-case and the rest lower-case, as Foundation's
    /// `capitalized` does (which it is asked for beyond plain ASCII letters and digits).
    private static func capitalized(_ word: Substring) -> String {
        let isPlain = word.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard isPlain else { return word.capitalized }
        return word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    /// `name` in snake_case.
    static func convert(_ name: String) -> String {
        if let known = cache.withLock({ $0[name] }) { return known }
        let converted = snakeCase(name)
        cache.withLock { $0[name] = converted }
        return converted
    }

    /// Splits `name` into words at each upper-case letter, keeping runs of capitals (acronyms)
    /// together but for the last, which starts the next word; lower-cases and joins them with `_`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        guard !characters.isEmpty else { return name }
        var words: [String] = []
        var word = ""
        for (index, character) in characters.enumerated() {
            let startsWord: Bool
            if index == 0 || !character.isUppercase {
                startsWord = false
            } else if !characters[index - 1].isUppercase {
                startsWord = true
            } else {
                // Inside a run of capitals: the last one starts a new word when a lower-case letter follows.
                startsWord = index + 1 < characters.count && characters[index + 1].isLowercase
            }
            if startsWord, !word.isEmpty {
                words.append(word)
                word = ""
            }
            word.append(character)
        }
        words.append(word)
        return words.map { $0.lowercased() }.joined(separator: "_")
    }
}
