import TwilioKit

/// One workflow's `settings` from the workflows file, read setting by setting with its rule; a
/// problem names the workflow and the setting, and settings the kind does not have are refused.
struct WorkflowSettings {
    /// The workflow's name.
    let workflow: String
    let fields: [String: JSONValue]
    /// The path of these settings inside the workflow's (`prompt.` for a nested object).
    var prefix = ""

    /// A problem with `setting`.
    func problem(_ setting: String, _ rule: String) -> WorkflowConfigurationError {
        WorkflowConfigurationError("workflow '\(workflow)': \(prefix)\(setting) \(rule)")
    }

    /// Refuses settings other than `known`.
    func allow(only known: Set<String>) throws(WorkflowConfigurationError) {
        let unknown = Set(fields.keys).subtracting(known).sorted()
        guard unknown.isEmpty else {
            let names = unknown.map { prefix + $0 }.joined(separator: ", ")
            throw WorkflowConfigurationError("workflow '\(workflow)': unknown setting\(unknown.count > 1 ? "s" : "") \(names) "
                                             + "(it takes \(known.sorted().map { prefix + $0 }.joined(separator: ", ")))")
        }
    }

    func string(_ name: String) throws(WorkflowConfigurationError) -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw problem(name, "must be a string")
        }
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws(WorkflowConfigurationError) -> Double? {
        switch fields[name] {
        case nil, .null?: return nil
        case .number(let value)? where range.contains(value): return value
        default: throw problem(name, "must be a number from \(range.lowerBound.formatted) to \(range.upperBound.formatted)")
        }
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(WorkflowConfigurationError) -> Int? {
        switch fields[name] {
        case nil, .null?: return nil
        case .number(let value)? where value.rounded() == value && range.contains(Int(value)): return Int(value)
        default: throw problem(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    func bool(_ name: String) throws(WorkflowConfigurationError) -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw problem(name, "must be true or false")
        }
    }

    func choice(_ name: String, among choices: [String]) throws(WorkflowConfigurationError) -> String? {
        guard let value = try string(name) else { return nil }
        guard choices.contains(value) else { throw problem(name, "must be one of \(choices.joined(separator: ", "))") }
        return value
    }

    /// An object of strings (`{"1": "+14155550100"}`).
    func strings(_ name: String) throws(WorkflowConfigurationError) -> [String: String]? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object(let object)?:
            var strings: [String: String] = [:]
            for (key, value) in object {
                guard case .string(let text) = value else { throw problem(name + "." + key, "must be a string") }
                strings[key] = text
            }
            return strings
        default: throw problem(name, "must be an object of strings")
        }
    }

    /// The nested object `name`, as settings of their own (`prompt.tone`).
    func nested(_ name: String) throws(WorkflowConfigurationError) -> WorkflowSettings? {
        switch fields[name] {
        case nil, .null?: return nil
        case .object(let object)?: return WorkflowSettings(workflow: workflow, fields: object, prefix: prefix + name + ".")
        default: throw problem(name, "must be an object")
        }
    }
}

extension Double {
    /// The number without a needless `.0`.
    fileprivate var formatted: String {
        rounded() == self ? String(Int(self)) : String(self)
    }
}
