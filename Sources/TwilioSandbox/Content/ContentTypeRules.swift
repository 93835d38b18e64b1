/// The content types CreateContent accepts, with the fields each requires (from the spec), and the
/// validation of a CreateContent body.
enum ContentTypeRules {
    /// Each content type and its required fields.
    static let requiredFields: [String: [String]] = [
        "twilio/text": ["body"],
        "twilio/media": ["media"],
        "twilio/location": ["latitude", "longitude"],
        "twilio/list-picker": ["body", "button", "items"],
        "twilio/call-to-action": ["body", "actions"],
        "twilio/quick-reply": ["body", "actions"],
        "twilio/card": [],
        "twilio/catalog": ["body"],
        "twilio/carousel": ["body", "cards"],
        "twilio/flows": ["body", "button_text", "pages", "type"],
        "twilio/schedule": ["id", "title", "timeSlots"],
        "whatsapp/card": ["body"],
        "whatsapp/authentication": ["actions"],
        "whatsapp/flows": ["body", "button_text", "flow_id"],
    ]

    /// The validated parts of a CreateContent body: `language` and `types` required, `types` an
    /// object of known content types each with its required fields, `variables` an object of strings.
    static func validate(_ body: SandboxJSON) throws(SandboxError) -> (friendlyName: String, language: String, variables: SandboxJSON, types: SandboxJSON) {
        guard case .object = body else { throw SandboxError(.badRequest, code: 20001, "The body must be a JSON object") }
        guard case .string(let language)? = body["language"], !language.isEmpty else { throw .missingV2Parameter("language") }
        guard case .object(let types)? = body["types"], !types.isEmpty else { throw .missingV2Parameter("types") }
        for (type, content) in types {
            guard let required = requiredFields[type] else {
                throw .invalidParameter("types", type, rule: "is not a content type (\(requiredFields.keys.sorted().joined(separator: ", ")))")
            }
            guard case .object = content else { throw .invalidParameter("types", type, rule: "must be an object") }
            for field in required where content[field] == nil || content[field] == .null {
                throw .invalidParameter("types", type, rule: "requires '\(field)'")
            }
        }
        let variables = body["variables"] ?? .object([])
        guard case .object(let pairs) = variables, pairs.allSatisfy({ if case .string = $0.1 { true } else { false } }) else {
            throw .invalidParameter("variables", variables.serialized, rule: "must be an object of strings")
        }
        let friendlyName: String = if case .string(let name)? = body["friendly_name"] { name } else { "" }
        return (friendlyName, language, variables, .object(types))
    }
}
