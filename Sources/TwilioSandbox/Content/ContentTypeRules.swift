/// The content types CreateContent accepts, each with its shape from the spec
/// (`components.schemas` of `twilio_content_v1.json`), and the validation of a CreateContent body.
enum ContentTypeRules {
    private typealias Shape = ContentTypeShape

    /// A `cardAction` (`twilio/card`, `whatsapp/card`).
    private static let cardAction = Shape([
        "type": .choice(["URL", "PHONE_NUMBER", "QUICK_REPLY", "COPY_CODE", "VOICE_CALL"]), "title": .string, "url": .string,
        "phone": .string, "id": .string, "code": .string, "webview_size": .choice(["TALL", "FULL", "HALF", "NONE"]),
    ], required: ["type", "title"])

    /// Each content type and its shape.
    static let shapes: [String: ContentTypeShape] = [
        "twilio/text": Shape(["body": .string], required: ["body"]),
        "twilio/media": Shape(["body": .string, "media": .strings], required: ["media"]),
        "twilio/location": Shape(["latitude": .number, "longitude": .number, "label": .string, "id": .string, "address": .string],
                                 required: ["latitude", "longitude"]),
        "twilio/list-picker": Shape([
            "body": .string, "button": .string,
            "items": .objects(Shape(["id": .string, "item": .string, "description": .string], required: ["id", "item"])),
        ], required: ["body", "button", "items"]),
        "twilio/call-to-action": Shape([
            "body": .string,
            "actions": .objects(Shape([
                "type": .choice(["URL", "PHONE_NUMBER", "COPY_CODE", "VOICE_CALL", "VOICE_CALL_REQUEST"]), "title": .string,
                "url": .string, "phone": .string, "code": .string, "id": .string,
            ], required: ["type", "title"])),
        ], required: ["body", "actions"]),
        "twilio/quick-reply": Shape([
            "body": .string,
            "actions": .objects(Shape(["type": .choice(["QUICK_REPLY"]), "title": .string, "id": .string], required: ["title"])),
        ], required: ["body", "actions"]),
        "twilio/card": Shape(["title": .string, "subtitle": .string, "media": .strings, "actions": .objects(cardAction)]),
        "whatsapp/card": Shape(["body": .string, "footer": .string, "media": .strings, "header_text": .string, "actions": .objects(cardAction)],
                               required: ["body"]),
        "whatsapp/authentication": Shape([
            "add_security_recommendation": .boolean, "code_expiration_minutes": .number,
            "actions": .objects(Shape(["type": .choice(["COPY_CODE"]), "copy_code_text": .string], required: ["type", "copy_code_text"])),
        ], required: ["actions"]),
        "twilio/catalog": Shape([
            "title": .string, "body": .string, "subtitle": .string, "id": .string, "dynamic_items": .string,
            "items": .objects(Shape(["id": .string, "section_title": .string, "name": .string, "media_url": .string,
                                     "price": .number, "description": .string])),
        ], required: ["body"]),
        "twilio/carousel": Shape([
            "body": .string,
            "cards": .objects(Shape([
                "title": .string, "body": .string, "media": .string,
                "actions": .objects(Shape(["type": .choice(["URL", "PHONE_NUMBER", "QUICK_REPLY"]), "title": .string, "url": .string,
                                           "phone": .string, "id": .string], required: ["type", "title"])),
            ], required: ["body", "actions", "media"])),
        ], required: ["body", "cards"]),
        "twilio/schedule": Shape(["id": .string, "title": .string, "timeSlots": .string], required: ["id", "title", "timeSlots"]),
        "whatsapp/flows": Shape([
            "body": .string, "button_text": .string, "subtitle": .string, "media_url": .string, "flow_id": .string,
            "flow_token": .string, "flow_first_page_id": .string, "is_flow_first_page_endpoint": .boolean,
        ], required: ["body", "button_text", "flow_id"]),
        "twilio/flows": Shape([
            "body": .string, "button_text": .string, "subtitle": .string, "media_url": .string, "type": .string,
            "pages": .objects(Shape([
                "id": .string, "next_page_id": .string, "title": .string, "subtitle": .string,
                "layout": .objects(Shape(["label": .string, "type": .string], required: ["type"])),
            ], required: ["id", "layout", "title"])),
        ], required: ["body", "button_text", "pages", "type"]),
    ]

    /// The validated parts of a CreateContent body: `language` and `types` required, `types` an
    /// object of known content types each of its shape, `variables` an object of strings.
    static func validate(_ body: SandboxJSON) throws(SandboxError) -> (friendlyName: String, language: String, variables: SandboxJSON, types: SandboxJSON) {
        guard case .object = body else { throw SandboxError(.badRequest, code: 20001, "The body must be a JSON object") }
        guard case .string(let language)? = body["language"], !language.isEmpty else { throw .missingV2Parameter("language") }
        guard case .object(let types)? = body["types"], !types.isEmpty else { throw .missingV2Parameter("types") }
        for (type, content) in types {
            guard let shape = shapes[type] else {
                throw .invalidParameter("types", type, rule: "is not a content type (\(shapes.keys.sorted().joined(separator: ", ")))")
            }
            if let problem = shape.problem(with: content, at: type) { throw .invalidParameter("types", type, rule: problem) }
        }
        let variables = body["variables"] ?? .object([])
        guard case .object(let pairs) = variables, pairs.allSatisfy({ if case .string = $0.1 { true } else { false } }) else {
            throw .invalidParameter("variables", variables.serialized, rule: "must be an object of strings")
        }
        let friendlyName: String = if case .string(let name)? = body["friendly_name"] { name } else { "" }
        return (friendlyName, language, variables, .object(types))
    }
}
