import Foundation

/// Twilio's parameter names (`MaxPrice`, `SendAt`, `AccountSid`), read from the official OpenAPI
/// documents in `Specs/twilio-oai`, to name what the reference seed (004) lists only by label.
enum TwilioFieldNames {
    /// The name a label stands for: the label in PascalCase when Twilio has that parameter
    /// (`Send at` → `SendAt`, `Media URL` → `MediaUrl`), else the one Twilio parameter whose words
    /// begin the label's words (`Maximum price` → `MaxPrice`), else the label in PascalCase (the
    /// component's own selects: `Source`, `Content`).
    static func name(forLabel label: String) -> String {
        let words = label.split(separator: " ").map(String.init)
        let pascal = words.map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
        if all.contains(pascal) { return pascal }
        let abbreviated = all.filter { name in
            let parts = camelWords(name)
            return parts.count == words.count && zip(parts, words).allSatisfy { $1.lowercased().hasPrefix($0.lowercased()) }
        }
        return abbreviated.count == 1 ? abbreviated[0] : pascal
    }

    /// Every request parameter name of Twilio's APIs (path, query and form), capitalised ones only.
    static let all: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Specs/twilio-oai")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var names = Set<String>()
        for file in files where file.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)),
                  let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let paths = document["paths"] as? [String: Any] else { continue }
            for case let operations as [String: Any] in paths.values {
                for case let operation as [String: Any] in operations.values {
                    for case let parameter as [String: Any] in operation["parameters"] as? [Any] ?? [] {
                        if let name = parameter["name"] as? String { names.insert(name) }
                    }
                    let body = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                    let form = (body?["application/x-www-form-urlencoded"] as? [String: Any])?["schema"] as? [String: Any]
                    if let properties = form?["properties"] as? [String: Any] { names.formUnion(properties.keys) }
                }
            }
        }
        return names.filter { $0.first?.isUppercase == true }.sorted()
    }()

    /// `MaxPrice` → `Max`, `Price`.
    private static func camelWords(_ name: String) -> [String] {
        var words: [String] = []
        for character in name {
            if character.isUppercase || words.isEmpty { words.append(String(character)) } else { words[words.count - 1].append(character) }
        }
        return words
    }
}
