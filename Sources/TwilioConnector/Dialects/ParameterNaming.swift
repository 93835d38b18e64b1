/// How the toolkit and block dialects spell the core's Twilio-cased parameter names.
enum ParameterNaming {
    /// `MessagingServiceSid` → `messaging_service_sid`, `useTemplate` → `use_template`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { result += "_" }
            result += character.lowercased()
            previous = character
        }
        return result
    }

    /// `MessagingServiceSid` → `messagingServiceSid`, `limit` → `limit`.
    static func camelCase(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// Dialect name → core name for every parameter of `core`: `style` spells each one, unless
    /// `overrides` (core name → dialect name) gives its name.
    static func names(of core: ActionSignature, style: (String) -> String, overrides: [String: String] = [:]) -> [String: String] {
        Dictionary(core.parameters.map { (overrides[$0.name] ?? style($0.name), $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
