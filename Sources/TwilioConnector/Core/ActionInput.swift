import Foundation
import TwilioKit

/// An action's parameters after validation: every value has its spec's type, so reading them
/// cannot fail.
public struct ActionInput: Sendable {
    let values: [String: JSONValue]

    /// Whether `value` counts as not given: missing, `null`, or empty (workflow editors send
    /// empty fields, and a date-time object with empty fields).
    static func isAbsent(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?, .string("")?, .array([])?: true
        case .object(let fields)?: ZonedDateTime.isBlank(fields)
        default: false
        }
    }

    /// Validates `raw` (core parameter names) against `specs` and `rules`; `rename` gives each
    /// parameter's name in the caller's dialect, for the error messages.
    static func validate(_ raw: [String: JSONValue], specs: [ParameterSpec], rules: [CrossRule],
                         rename: (String) -> String = { $0 }) -> Result<ActionInput, ActionFailure> {
        var values: [String: JSONValue] = [:]
        var issues: [ValidationIssue] = []
        // A scan, not a set: a dozen specs and a few given names, on every action.
        for name in raw.keys.filter({ name in !specs.contains { $0.name == name } }).sorted() {
            issues.append(ValidationIssue(parameter: rename(name), rule: "is not a parameter of this action", kind: .unknown))
        }
        for spec in specs {
            guard let given = raw[spec.name], !isAbsent(given) else {
                if let fallback = spec.defaultValue { values[spec.name] = fallback }
                else if spec.required { issues.append(ValidationIssue(parameter: rename(spec.name), rule: "is required", kind: .missing)) }
                continue
            }
            switch spec.validate(given) {
            case .success(let value): values[spec.name] = value
            case .failure(var issue):
                issue.parameter = rename(issue.parameter)
                issues.append(issue)
            }
        }
        let given = values.filter { raw[$0.key] != nil }
        issues += rules.compactMap { $0.issue(values: given, rename: rename) }
        return issues.isEmpty ? .success(ActionInput(values: values)) : .failure(.invalidInput(issues))
    }

    /// Whether `name` was given (or defaulted).
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// A string parameter.
    public func string(_ name: String) -> String? { values[name]?.scalarText }

    /// An integer parameter.
    public func int(_ name: String) -> Int? { values[name]?.integerValue }

    /// A number parameter.
    public func double(_ name: String) -> Double? { values[name]?.doubleValue }

    /// A boolean parameter.
    public func bool(_ name: String) -> Bool? { values[name]?.boolValue }

    /// A list parameter.
    public func strings(_ name: String) -> [String] { values[name]?.stringItems ?? [] }

    /// A date-time parameter.
    public func date(_ name: String) -> Date? { string(name).flatMap(TwilioDateFormat.date(from:)) }

    /// An object parameter.
    public func object(_ name: String) -> [String: JSONValue]? { values[name]?.objectFields }

    /// An object parameter, as compact JSON text (how Twilio takes `ContentVariables`).
    public func jsonText(_ name: String) -> String? {
        values[name]?.compactText
    }

    /// A required string parameter. Validation guarantees it is there; if a caller skipped
    /// validation, the action fails naming it rather than sending an empty value.
    func required(_ name: String) throws(ActionFailure) -> String {
        guard let text = string(name) else { throw .invalidInput([ValidationIssue(parameter: name, rule: "is required", kind: .missing)]) }
        return text
    }
}
