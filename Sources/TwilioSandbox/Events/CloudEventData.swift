import Foundation
import TwilioKit

/// The `data` of the CloudEvents the sandbox emits, built from the parameters Twilio posts to the
/// webhooks of the same happening, so the two carry the same facts: the messaging schemas' keys
/// are the webhook's names in camelCase (`MessageSid` → `messageSid`), counts are numbers and a
/// message status is upper case; a call's progress carries the status callback request itself.
enum CloudEventData {
    /// The webhook parameters that are numbers in the messaging schemas.
    static let numericParameters: Set<String> = ["NumMedia", "NumSegments", "ErrorCode"]
    /// The legacy `Sms*` duplicates, which the messaging schemas do not have.
    static let legacyParameters: Set<String> = ["SmsSid", "SmsMessageSid", "SmsStatus"]

    /// A messaging event's data: `parameters` camelCased, with `eventName` and `timestamp`.
    static func messaging(_ parameters: [(String, String)], type: String, at date: Date) -> JSONValue {
        var data: [String: JSONValue] = ["eventName": .string(type), "timestamp": .string(TwilioDateFormat.iso8601String(from: date))]
        for (name, value) in parameters where !legacyParameters.contains(name) {
            let number = numericParameters.contains(name) ? Double(value) : nil
            data[lowerFirst(name)] = number.map(JSONValue.number) ?? .string(name == "MessageStatus" ? value.uppercased() : value)
        }
        return .object(data)
    }

    /// A call progress event's data (`Voice.WebhookEvent`): the call, and the status callback
    /// request made to `url` with `parameters`.
    static func callProgress(_ parameters: [(String, String)], url: String, method: String, eventSID: String, at date: Date) -> JSONValue {
        let fields = Dictionary(parameters, uniquingKeysWith: { first, _ in first })
        return [
            "sid": fields["CallSid"].map(JSONValue.string) ?? .null,
            "accountSid": fields["AccountSid"].map(JSONValue.string) ?? .null,
            "eventSid": .string(eventSID),
            "timestamp": .string(TwilioDateFormat.iso8601String(from: date)),
            "requestDateCreated": .string(TwilioDateFormat.rfc2822String(from: date)),
            "request": ["url": .string(url), "method": .string(method), "parameters": .object(fields.mapValues(JSONValue.string))],
        ]
    }

    /// `MessageSid` → `messageSid`.
    static func lowerFirst(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }
}
