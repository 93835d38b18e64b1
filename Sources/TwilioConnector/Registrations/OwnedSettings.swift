import Foundation
import TwilioKit

/// The webhook settings a registration owns on one resource, by Twilio's JSON names
/// (`sms_url`, `sms_method`, `sms_application_sid`): what was there before, what the registration
/// set, what is there now. An empty value is no value, as Twilio treats it.
public struct OwnedSettings: Sendable, Equatable, CustomStringConvertible {
    /// The settings' names, in the order they are shown.
    public let names: [String]
    /// The values that are set, by name.
    public let values: [String: String]

    /// Settings `names`, of which `values` are set (empty ones are dropped).
    public init(names: [String], values: [String: String]) {
        self.names = names
        self.values = values.filter { names.contains($0.key) && !$0.value.isEmpty }
    }

    /// The settings `names` of a resource as Twilio answered it (`IncomingPhoneNumber`,
    /// `MessagingService`), read through its snake_case JSON.
    init(names: [String], of resource: some Encodable) {
        let fields = JSONValueEncoder(keyStyle: .snakeCase).fields(of: resource)
        self.init(names: names, values: fields.compactMapValues { $0.scalarText })
    }

    /// Settings stored as a JSON object (`null` for a setting that is not set).
    public init(names: [String], json: JSONValue) {
        self.init(names: names, values: (json.objectFields ?? [:]).compactMapValues { $0.scalarText })
    }

    /// The value of `name`, if it is set.
    public subscript(name: String) -> String? { values[name] }

    /// A JSON object of every setting, `null` where it is not set.
    public var json: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: names.map { ($0, values[$0].map(JSONValue.string) ?? .null) }))
    }

    /// The settings decoded as the resource type whose snake_case JSON names they use (Twilio's
    /// resources, whose properties are all optional).
    func decoded<Resource: Decodable>(as type: Resource.Type) throws(RegistrationError) -> Resource {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(type, from: Data(json.compactBytes)) } catch {
            throw .invalidRequest("The stored settings (\(self)) cannot be read as a \(type): \(error)")
        }
    }

    /// The settings whose values differ between `self` (what was expected) and `actual`.
    public func differences(from actual: OwnedSettings) -> [SettingDifference] {
        names.compactMap { name in
            values[name] == actual.values[name] ? nil : SettingDifference(name: name, expected: values[name], actual: actual.values[name])
        }
    }

    /// `sms_url=https://… sms_method=POST`, or `nothing set`.
    public var description: String {
        let set = names.compactMap { name in values[name].map { "\(name)=\($0)" } }
        return set.isEmpty ? "nothing set" : set.joined(separator: " ")
    }
}
