import Foundation

/// The values a message gives a template's variables: CreateMessage's `ContentVariables`, a JSON
/// object of strings sent as text (`{"1": "Ada", "order": "99"}`). A variable it leaves out takes
/// the template's default (its `variables`).
struct ContentVariables: Sendable, Equatable {
    /// The values given, by variable name.
    let values: [String: String]

    /// The values of `text`; none when it is absent. Anything but a JSON object of strings is
    /// Twilio's 21656.
    init(_ text: String?) throws(SandboxError) {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            values = [:]
            return
        }
        let parsed: SandboxJSON
        do { parsed = try SandboxJSONParser.parse(text) } catch {
            throw Self.invalid("it is not JSON (\(error.reason) at offset \(error.offset))")
        }
        guard case .object(let fields) = parsed else { throw Self.invalid("it must be a JSON object such as {\"1\": \"Ada\"}") }
        var values: [String: String] = [:]
        for (name, value) in fields {
            guard case .string(let text) = value else { throw Self.invalid("the value of \"\(name)\" must be a string") }
            values[name] = text
        }
        self.values = values
    }

    /// The value of variable `name`: the one given, else `defaults`' (the template's `variables`).
    func value(of name: String, defaults: SandboxJSON) -> String? {
        if let given = values[name] { return given }
        if case .string(let fallback)? = defaults[name] { return fallback }
        return nil
    }

    /// Twilio's 21656, with what is wrong.
    static func invalid(_ reason: String) -> SandboxError {
        SandboxError(.badRequest, code: 21656, "The ContentVariables Parameter is invalid: \(reason)")
    }
}
