import TwilioKit

/// Validates JSON against a JSON Schema: the part of draft 2020-12 that seed 001's schemas (made by
/// pydantic) and the connector's use: `type` (one or several), `properties`, `required`,
/// `additionalProperties`, `items`, `anyOf`, `oneOf`, `allOf`, `enum`, `const`, and `$ref` into
/// `$defs`. Annotations (`title`, `default`, `description`, `format`) are not assertions.
struct JSONSchemaValidator {
    /// The schema `$ref`s resolve in.
    let root: JSONValue

    /// Every way `value` breaks the schema, each with its JSON path; empty when it is valid.
    func errors(in value: JSONValue) -> [String] {
        var errors: [String] = []
        validate(value, against: root, at: "$", into: &errors)
        return errors
    }

    private func validate(_ value: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]) {
        switch schema {
        case .bool(true): return
        case .bool(false): errors.append("\(path): no value is allowed"); return
        case .object: break
        default: errors.append("\(path): the schema \(schema.compactText) is not a schema"); return
        }
        let keywords = schema.objectFields ?? [:]
        if case .string(let reference)? = keywords["$ref"] {
            guard let target = resolve(reference) else { errors.append("\(path): $ref \(reference) does not resolve"); return }
            validate(value, against: target, at: path, into: &errors)
        }
        if let types = keywords["type"], !matches(value, types) {
            errors.append("\(path): \(value.compactText) is not of type \(types.compactText)")
        }
        if case .array(let choices)? = keywords["enum"], !choices.contains(value) {
            errors.append("\(path): \(value.compactText) is not one of \(keywords["enum"]?.compactText ?? "")")
        }
        if let constant = keywords["const"], constant != value { errors.append("\(path): \(value.compactText) is not \(constant.compactText)") }
        if case .array(let schemas)? = keywords["allOf"] {
            for part in schemas { validate(value, against: part, at: path, into: &errors) }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let schemas)? = keywords[keyword] else { continue }
            let passing = schemas.filter { branch in
                var branchErrors: [String] = []
                validate(value, against: branch, at: path, into: &branchErrors)
                return branchErrors.isEmpty
            }.count
            if passing == 0 || (keyword == "oneOf" && passing > 1) {
                errors.append("\(path): \(value.compactText) matches \(passing) of the \(schemas.count) schemas of \(keyword)")
            }
        }
        if case .object(let fields) = value { validateObject(fields, keywords, at: path, into: &errors) }
        if case .array(let items) = value, let itemSchema = keywords["items"] {
            for (index, item) in items.enumerated() { validate(item, against: itemSchema, at: "\(path)[\(index)]", into: &errors) }
        }
    }

    private func validateObject(_ fields: [String: JSONValue], _ keywords: [String: JSONValue], at path: String, into errors: inout [String]) {
        let properties = keywords["properties"]?.objectFields ?? [:]
        if case .array(let required)? = keywords["required"] {
            for case .string(let name) in required where fields[name] == nil { errors.append("\(path): lacks the required \(name)") }
        }
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] {
                validate(field, against: property, at: "\(path).\(name)", into: &errors)
            } else if let additional = keywords["additionalProperties"] {
                if additional == .bool(false) { errors.append("\(path): has \(name), which the schema does not allow") }
                else { validate(field, against: additional, at: "\(path).\(name)", into: &errors) }
            }
        }
    }

    /// Whether `value` has one of the `type` keyword's types.
    private func matches(_ value: JSONValue, _ types: JSONValue) -> Bool {
        let names: [String] = switch types {
        case .string(let name): [name]
        case .array(let items): items.compactMap { if case .string(let name) = $0 { name } else { nil } }
        default: []
        }
        return names.contains { name in
            switch (name, value) {
            case ("null", .null), ("boolean", .bool), ("string", .string), ("number", .number), ("object", .object), ("array", .array): true
            case ("integer", .number(let number)): number.rounded() == number
            default: false
            }
        }
    }

    /// `#/$defs/Name` (or any `#/…` pointer) in the root schema.
    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        return reference.dropFirst().split(separator: "/").reduce(Optional(root)) { node, key in node?.objectFields?[String(key)] }
    }
}
