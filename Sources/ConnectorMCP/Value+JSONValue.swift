import Foundation
import MCP
import TwilioKit

extension Value {
    /// The MCP value of a connector JSON value: whole numbers as integers, others as they are.
    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { self = .int(Int(number)) } else { self = .double(number) }
        case .array(let items): self = .array(items.map(Value.init))
        case .object(let fields): self = .object(fields.mapValues(Value.init))
        }
    }
}

extension JSONValue {
    /// The connector JSON value of MCP tool arguments, read back from their JSON text: the SDK's
    /// `Value` decodes a string that looks like a data URL as `.data` and `1.0` as `.int`, and its
    /// JSON is what the client sent.
    static func arguments(_ arguments: [String: MCP.Value]) throws -> JSONValue {
        let data = try JSONEncoder().encode(MCP.Value.object(arguments))
        return try JSONParser.parse(data)
    }
}
