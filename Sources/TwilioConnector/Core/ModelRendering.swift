import Foundation
import TwilioKit

/// Turns TwilioKit models into the JSON objects the dialects output.
enum ModelRendering {
    /// The model's fields with Twilio's snake_case names; dates in ISO 8601.
    static func snakeCase(_ model: some Encodable) -> [String: JSONValue] {
        fields(model, keys: .convertToSnakeCase)
    }

    /// The model's fields with camelCase names; dates in ISO 8601.
    static func camelCase(_ model: some Encodable) -> [String: JSONValue] {
        fields(model, keys: .useDefaultKeys)
    }

    private static func fields(_ model: some Encodable, keys: JSONEncoder.KeyEncodingStrategy) -> [String: JSONValue] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = keys
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(TwilioDateFormat.iso8601String(from: date))
        }
        guard let data = try? encoder.encode(model), let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return [:] }
        return value.objectFields ?? [:]
    }

    /// The whole output of a list: items under `key`, and whether more exist.
    static func list<Item>(_ result: ListResult<Item>, key: String, style: (Item) -> [String: JSONValue]) -> [String: JSONValue] {
        [key: .array(result.items.map { .object(style($0)) }), "count": .number(Double(result.items.count)), "hasMore": .bool(result.hasMore)]
    }
}
