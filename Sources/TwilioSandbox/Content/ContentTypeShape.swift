/// The shape of one content type, or of an object inside one (an action, a list item, a card), as
/// Twilio's Content spec (`twilio_content_v1.json`) declares it: the fields allowed
/// (`additionalProperties: false`), their JSON types, and the required ones.
struct ContentTypeShape: Sendable {
    /// What a field holds.
    indirect enum Field: Sendable {
        case string
        /// A string from a fixed list (an action's `type`).
        case choice([String])
        case number
        case boolean
        /// An array of strings (`media`).
        case strings
        /// An array of objects of a shape (`actions`, `items`, `cards`).
        case objects(ContentTypeShape)
    }

    /// The fields allowed, by name.
    let fields: [String: Field]
    /// The fields that must be there.
    let required: [String]

    /// A shape with `fields`, of which `required` must be there.
    init(_ fields: [String: Field], required: [String] = []) {
        self.fields = fields
        self.required = required
    }

    /// Why `value` does not have this shape (`path` names it in the answer); `nil` when it does.
    func problem(with value: SandboxJSON, at path: String) -> String? {
        guard case .object(let given) = value else { return "\(path) must be an object" }
        for name in required where value[name] == nil || value[name] == .null {
            return "\(path) requires '\(name)'"
        }
        for (name, item) in given {
            guard let field = fields[name] else {
                return "\(path) has no field '\(name)' (it has \(fields.keys.sorted().joined(separator: ", ")))"
            }
            if let problem = Self.problem(with: item, as: field, at: "\(path).\(name)") { return problem }
        }
        return nil
    }

    /// Why `value` is not what `field` holds; `nil` when it is.
    private static func problem(with value: SandboxJSON, as field: Field, at path: String) -> String? {
        switch (field, value) {
        case (_, .null), (.string, .string), (.number, .int), (.number, .number), (.boolean, .bool):
            return nil
        case (.choice(let allowed), .string(let text)):
            return allowed.contains(text) ? nil : "\(path) must be one of \(allowed.joined(separator: ", "))"
        case (.strings, .array(let items)):
            return items.allSatisfy { if case .string = $0 { true } else { false } } ? nil : "\(path) must be an array of strings"
        case (.objects(let shape), .array(let items)):
            return items.enumerated().lazy.compactMap { shape.problem(with: $1, at: "\(path)[\($0)]") }.first
        case (.string, _), (.choice, _): return "\(path) must be a string"
        case (.number, _): return "\(path) must be a number"
        case (.boolean, _): return "\(path) must be true or false"
        case (.strings, _), (.objects, _): return "\(path) must be an array"
        }
    }
}
