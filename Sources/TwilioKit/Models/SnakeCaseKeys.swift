import Foundation
import Synchronization

/// Property names in snake_case, converted exactly as `JSONEncoder`'s `convertToSnakeCase` does
/// (`dateCreated` → `date_created`, `mediaURL` → `media_url`), each name once per process.
enum SnakeCaseKeys {
    private static let cache = Mutex<[String: String]>([:])

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
