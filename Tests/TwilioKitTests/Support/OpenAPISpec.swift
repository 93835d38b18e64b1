import Foundation
import Testing
@testable import TwilioKit

/// Twilio's official OpenAPI documents (Specs/twilio-oai, tag 2.6.7), read for contract tests.
struct OpenAPISpec: @unchecked Sendable {
    let document: [String: Any]
    let domain: TwilioDomain

    /// The repository's root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let fileNames: [TwilioDomain: String] = [
        .api: "twilio_api_v2010.json", .lookups: "twilio_lookups_v2.json", .verify: "twilio_verify_v2.json",
        .intelligence: "twilio_intelligence_v2.json", .content: "twilio_content_v1.json", .messaging: "twilio_messaging_v1.json",
        .events: "twilio_events_v1.json",
    ]

    private static let cache = SpecCache()

    /// The spec of `domain`, parsed once per test process.
    static func load(_ domain: TwilioDomain) throws -> OpenAPISpec {
        try cache.spec(domain) {
            let url = repositoryRoot.appendingPathComponent("Specs/twilio-oai/\(fileNames[domain] ?? "")")
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
            return OpenAPISpec(document: object as? [String: Any] ?? [:], domain: domain)
        }
    }

    /// One operation: its path template, parameters and responses.
    struct Operation {
        let id: String
        let pathTemplate: String
        let object: [String: Any]
        let spec: OpenAPISpec

        var queryParameters: Set<String> {
            Set(parameters.filter { ($0["in"] as? String) == "query" }.compactMap { $0["name"] as? String })
        }
        var requiredQueryParameters: Set<String> {
            Set(parameters.filter { ($0["in"] as? String) == "query" && ($0["required"] as? Bool) == true }.compactMap { $0["name"] as? String })
        }
        private var parameters: [[String: Any]] { object["parameters"] as? [[String: Any]] ?? [] }

        private var formSchema: [String: Any]? {
            let body = object["requestBody"] as? [String: Any]
            let content = body?["content"] as? [String: Any]
            let form = content?["application/x-www-form-urlencoded"] as? [String: Any]
            return form?["schema"] as? [String: Any]
        }
        var formParameters: Set<String> { Set((formSchema?["properties"] as? [String: Any] ?? [:]).keys) }
        var requiredFormParameters: Set<String> { Set(formSchema?["required"] as? [String] ?? []) }

        /// The schema of one form parameter (enum values, type, items).
        func formParameterSchema(_ name: String) -> [String: Any] {
            let properties = formSchema?["properties"] as? [String: Any] ?? [:]
            return spec.resolve(properties[name] as? [String: Any] ?? [:])
        }

        /// The status codes of success answers.
        var successStatuses: [String] { (object["responses"] as? [String: Any] ?? [:]).keys.filter { $0.hasPrefix("2") }.sorted() }

        /// Every example body of every success answer, as JSON data.
        var responseExamples: [(name: String, json: Data)] {
            var examples: [(String, Data)] = []
            for status in successStatuses {
                let response = (object["responses"] as? [String: Any])?[status] as? [String: Any]
                let content = response?["content"] as? [String: Any]
                let json = content?["application/json"] as? [String: Any]
                for (name, example) in json?["examples"] as? [String: Any] ?? [:] {
                    guard let value = (example as? [String: Any])?["value"],
                          let data = try? JSONSerialization.data(withJSONObject: value) else { continue }
                    examples.append((name, data))
                }
            }
            return examples.sorted { $0.0 < $1.0 }
        }
    }

    /// Resolves a `$ref` schema.
    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/components/schemas/") else { return schema }
        let name = String(ref.dropFirst("#/components/schemas/".count))
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        return schemas?[name] as? [String: Any] ?? [:]
    }

    /// The operation that `method` on a concrete `path` (no query) matches.
    func operation(_ method: HTTPMethod, path: String) -> Operation? {
        let paths = document["paths"] as? [String: Any] ?? [:]
        for (template, item) in paths where Self.matches(template: template, path: path) {
            guard let object = (item as? [String: Any])?[method.rawValue.lowercased()] as? [String: Any] else { continue }
            return Operation(id: object["operationId"] as? String ?? "?", pathTemplate: template, object: object, spec: self)
        }
        return nil
    }

    /// The operation with `operationId`.
    func operation(id: String) -> Operation? {
        let paths = document["paths"] as? [String: Any] ?? [:]
        for (template, item) in paths {
            for (_, value) in item as? [String: Any] ?? [:] {
                if let object = value as? [String: Any], object["operationId"] as? String == id {
                    return Operation(id: id, pathTemplate: template, object: object, spec: self)
                }
            }
        }
        return nil
    }

    static func matches(template: String, path: String) -> Bool {
        let templateParts = template.split(separator: "/", omittingEmptySubsequences: false)
        let pathParts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard templateParts.count == pathParts.count else { return false }
        for (expected, actual) in zip(templateParts, pathParts) {
            if let open = expected.firstIndex(of: "{"), let close = expected.firstIndex(of: "}") {
                // `{Sid}.json`: the literal before and after the placeholder must match.
                let prefix = expected[..<open], suffix = expected[expected.index(after: close)...]
                guard actual.hasPrefix(prefix), actual.hasSuffix(suffix), actual.count > prefix.count + suffix.count else { return false }
            } else if expected != actual {
                return false
            }
        }
        return true
    }
}

private final class SpecCache: @unchecked Sendable {
    private let lock = NSLock()
    private var specs: [TwilioDomain: OpenAPISpec] = [:]

    func spec(_ domain: TwilioDomain, load: () throws -> OpenAPISpec) throws -> OpenAPISpec {
        lock.lock()
        defer { lock.unlock() }
        if let spec = specs[domain] { return spec }
        let spec = try load()
        specs[domain] = spec
        return spec
    }
}
