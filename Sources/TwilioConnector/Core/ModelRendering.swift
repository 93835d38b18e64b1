import Foundation
import TwilioKit

/// Turns TwilioKit models into the JSON objects the dialects output.
enum ModelRendering {
    /// The model's fields with Twilio's snake_case names; dates in ISO 8601.
    static func snakeCase(_ model: some Encodable) -> [String: JSONValue] {
        snakeCaseEncoder.fields(of: model)
    }

    /// The model's fields with camelCase names; dates in ISO 8601.
    static func camelCase(_ model: some Encodable) -> [String: JSONValue] {
        camelCaseEncoder.fields(of: model)
    }

    private static let snakeCaseEncoder = JSONValueEncoder(keyStyle: .snakeCase)
    private static let camelCaseEncoder = JSONValueEncoder(keyStyle: .asDeclared)

    /// The whole output of a list: items under `key`, and whether more exist.
    static func list<Item>(_ result: ListResult<Item>, key: String, style: (Item) -> [String: JSONValue]) -> [String: JSONValue] {
        [key: .array(result.items.map { .object(style($0)) }), "count": .number(Double(result.items.count)), "hasMore": .bool(result.hasMore)]
    }
}
