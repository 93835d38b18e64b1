import Foundation
import TwilioKit

/// A Twilio parameter bound to the field of the TwilioKit request it fills: the one place the
/// connector declares it. Its spec gives the JSON Schema and the validation; its key path carries
/// the validated value into the request, so no action maps parameters by hand. Enumerations take
/// their choices from TwilioKit's enum; a test holds every spec's name to the form key TwilioKit
/// sends for the field.
struct RequestParameter<Request>: Sendable {
    /// Name, type, rule and description.
    let spec: ParameterSpec
    private let fill: @Sendable (ActionInput, inout Request) -> Void

    private init(_ spec: ParameterSpec, fill: @escaping @Sendable (ActionInput, inout Request) -> Void) {
        self.spec = spec
        self.fill = fill
    }

    /// Writes the parameter's validated value, when given, into `request`.
    func apply(_ input: ActionInput, to request: inout Request) {
        fill(input, &request)
    }

    /// A required string (the request cannot exist without it).
    static func required(_ name: String, _ field: WritableKeyPath<Request, String> & Sendable, _ rule: ParameterSpec.StringRule,
                         _ description: String) -> Self {
        Self(ParameterSpec(name, .string(rule), required: true, description)) { input, request in
            if let value = input.string(name) { request[keyPath: field] = value }
        }
    }

    /// An optional string.
    static func string(_ name: String, _ field: WritableKeyPath<Request, String?> & Sendable, _ rule: ParameterSpec.StringRule,
                       required: Bool = false, _ description: String) -> Self {
        Self(ParameterSpec(name, .string(rule), required: required, description)) { input, request in
            request[keyPath: field] = input.string(name)
        }
    }

    /// A whole number.
    static func integer(_ name: String, _ field: WritableKeyPath<Request, Int?> & Sendable, _ range: ClosedRange<Int>?,
                        _ description: String) -> Self {
        Self(ParameterSpec(name, .integer(range), description)) { input, request in
            request[keyPath: field] = input.int(name)
        }
    }

    /// An exact decimal number (a price).
    static func decimal(_ name: String, _ field: WritableKeyPath<Request, Decimal?> & Sendable, _ range: ClosedRange<Double>?,
                        _ description: String) -> Self {
        Self(ParameterSpec(name, .number(range), description)) { input, request in
            request[keyPath: field] = input.string(name).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        }
    }

    /// `true` or `false`.
    static func boolean(_ name: String, _ field: WritableKeyPath<Request, Bool?> & Sendable, _ description: String) -> Self {
        Self(ParameterSpec(name, .boolean, description)) { input, request in
            request[keyPath: field] = input.bool(name)
        }
    }

    /// A list of strings, each following `item`.
    static func list(_ name: String, _ field: WritableKeyPath<Request, [String]> & Sendable, maxCount: Int?,
                     item: ParameterSpec.StringRule, _ description: String) -> Self {
        Self(ParameterSpec(name, .stringList(maxCount: maxCount, item: item), description)) { input, request in
            request[keyPath: field] = input.strings(name)
        }
    }

    /// One of TwilioKit's enumeration's values (`among` narrows them).
    static func choice<Choice: RawRepresentable<String> & CaseIterable & Sendable>(
        _ name: String, _ field: WritableKeyPath<Request, Choice?> & Sendable, among: [Choice] = Array(Choice.allCases),
        default defaultValue: Choice? = nil, _ description: String
    ) -> Self {
        Self(ParameterSpec(name, .choice(among.map(\.rawValue)), default: defaultValue.map { .string($0.rawValue) }, description)) { input, request in
            request[keyPath: field] = input.string(name).flatMap(Choice.init(rawValue:))
        }
    }

    /// One of TwilioKit's enumeration's values, for a field the request always has (the
    /// default fills it when the parameter is not given).
    static func choice<Choice: RawRepresentable<String> & CaseIterable & Sendable>(
        _ name: String, _ field: WritableKeyPath<Request, Choice> & Sendable, among: [Choice] = Array(Choice.allCases),
        default defaultValue: Choice, _ description: String
    ) -> Self {
        Self(ParameterSpec(name, .choice(among.map(\.rawValue)), default: .string(defaultValue.rawValue), description)) { input, request in
            request[keyPath: field] = input.string(name).flatMap(Choice.init(rawValue:)) ?? defaultValue
        }
    }

    /// Several of TwilioKit's enumeration's values.
    static func choices<Choice: RawRepresentable<String> & CaseIterable & Sendable>(
        _ name: String, _ field: WritableKeyPath<Request, [Choice]> & Sendable, _ description: String
    ) -> Self {
        Self(ParameterSpec(name, .choiceList(Choice.allCases.map(\.rawValue)), description)) { input, request in
            request[keyPath: field] = input.strings(name).compactMap(Choice.init(rawValue:))
        }
    }

    /// An ISO 8601 date-time.
    static func dateTime(_ name: String, _ field: WritableKeyPath<Request, Date?> & Sendable, _ description: String) -> Self {
        Self(ParameterSpec(name, .dateTime, description)) { input, request in
            request[keyPath: field] = input.date(name)
        }
    }

    /// A JSON object, sent as compact JSON text (`ContentVariables`).
    static func objectText(_ name: String, _ field: WritableKeyPath<Request, String?> & Sendable, _ description: String) -> Self {
        Self(ParameterSpec(name, .object, description)) { input, request in
            request[keyPath: field] = input.jsonText(name)
        }
    }

    /// A JSON object, sent as its fields.
    static func object(_ name: String, _ field: WritableKeyPath<Request, [String: JSONValue]?> & Sendable, _ description: String) -> Self {
        Self(ParameterSpec(name, .object, description)) { input, request in
            request[keyPath: field] = input.values[name]?.objectFields
        }
    }
}

extension Array {
    /// The specs of these parameters, in order.
    func specs<Request>() -> [ParameterSpec] where Element == RequestParameter<Request> {
        map(\.spec)
    }

    /// `blank` with every parameter given in `input` written into it.
    func request<Request>(_ input: ActionInput, from blank: Request) -> Request where Element == RequestParameter<Request> {
        var request = blank
        for parameter in self { parameter.apply(input, to: &request) }
        return request
    }

    /// The parameters called `names`, in their order here.
    func named<Request>(_ names: Set<String>) -> [RequestParameter<Request>] where Element == RequestParameter<Request> {
        filter { names.contains($0.spec.name) }
    }
}
