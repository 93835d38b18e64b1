import Foundation
import TwilioKit

/// Pretty, stable JSON for the terminal.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The same text for a JSON value (an action's result: a bulk send's lists thousands of
    /// recipients), written directly.
    static func encode(_ value: JSONValue) -> String { value.prettyText }
}
