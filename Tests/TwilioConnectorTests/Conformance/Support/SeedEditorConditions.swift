import TwilioKit

/// When the platforms' editors show a parameter, which the seeds do not say: they list every
/// parameter of an action (seed 002 marks both `ContentSid` and `Body` required), while the editor
/// shows `ContentSid` only while `useTemplate` is true, and seed 004's selects show the fields they
/// choose. A field is filled in only while it is shown; a probe of a hidden field first sets its
/// control to show it.
enum SeedEditorConditions {
    /// A field is shown while `control` has `value` (or when the input has no `control`).
    struct Condition: Sendable {
        let control: String
        let value: JSONValue
    }

    /// Per action (component name), per field.
    static let byAction: [String: [String: Condition]] = [
        "sendWhatsAppMessage": [
            "ContentSid": Condition(control: "useTemplate", value: true),
            "Body": Condition(control: "useTemplate", value: false),
            "MediaUrl": Condition(control: "useTemplate", value: false),
        ],
        "sendSMS": [
            "From": Condition(control: "Source", value: 1),
            "MessagingServiceSid": Condition(control: "Source", value: 2),
            "Body": Condition(control: "Content", value: 1),
            "MediaUrl": Condition(control: "Content", value: 2),
            "ContentSid": Condition(control: "Content", value: 3),
        ],
    ]

    /// Whether `field` of `action` is shown with `input`.
    static func isShown(_ field: String, of action: String, in input: [String: JSONValue]) -> Bool {
        guard let condition = byAction[action]?[field], let control = input[condition.control] else { return true }
        return control == condition.value || control.scalarText == condition.value.scalarText
    }

    /// The controls of `action`'s fields.
    static func controls(of action: String) -> Set<String> {
        Set(byAction[action]?.values.map(\.control) ?? [])
    }

    /// The condition that shows `field` of `action`, if it has one.
    static func condition(of field: String, in action: String) -> Condition? {
        byAction[action]?[field]
    }
}
