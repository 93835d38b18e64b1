import Foundation

/// Fills a template's `{{name}}` variables and reduces the content type a channel carries to what
/// a Message stores. Variable names are 1–16 letters, digits or `_` (`{{1}}`, `{{first_name}}`);
/// any other `{{…}}` is text. Every string of the type is filled (bodies, media URLs, titles).
///
/// | type | body | media |
/// |---|---|---|
/// | `twilio/card` | title, then subtitle on the next line | `media` |
/// | `whatsapp/card`, `twilio/media` | `body` | `media` |
/// | `twilio/location` | label, then address | none |
/// | `whatsapp/authentication` | WhatsApp's fixed text: "{{1}} is your verification code." (+ security recommendation, expiry) | none |
/// | `twilio/schedule` | title | none |
/// | every other type | `body` | none |
enum ContentRenderer {
    /// `template` rendered as `contentType` (one of its types) with `variables`; a variable with no
    /// value given and no default is Twilio's 21656.
    static func render(_ template: ContentRecord, as contentType: String,
                       variables: ContentVariables) throws(SandboxError) -> RenderedContent {
        let content = try fill(template.types[contentType] ?? .object([])) { name in
            variables.value(of: name, defaults: template.variables)
        }
        func text(_ key: String) -> String? { if case .string(let value)? = content[key] { value } else { nil } }
        func lines(_ keys: String...) -> String { keys.compactMap(text).filter { !$0.isEmpty }.joined(separator: "\n") }
        let media: [String] = if case .array(let items)? = content["media"] {
            items.compactMap { if case .string(let url) = $0 { url } else { nil } }
        } else { [] }
        switch contentType {
        case "twilio/card":
            return RenderedContent(contentType: contentType, body: lines("title", "subtitle"), mediaURLs: media)
        case "twilio/media", "whatsapp/card":
            return RenderedContent(contentType: contentType, body: text("body") ?? "", mediaURLs: media)
        case "twilio/location":
            return RenderedContent(contentType: contentType, body: lines("label", "address"), mediaURLs: [])
        case "whatsapp/authentication":
            return RenderedContent(contentType: contentType, body: try authenticationText(content, template: template, variables: variables),
                                   mediaURLs: [])
        case "twilio/schedule":
            return RenderedContent(contentType: contentType, body: text("title") ?? "", mediaURLs: [])
        default:
            return RenderedContent(contentType: contentType, body: text("body") ?? "", mediaURLs: [])
        }
    }

    /// The text WhatsApp writes for an authentication template (it has no body of its own): the
    /// code, variable `1`, then the security recommendation and the expiry when the template asks.
    private static func authenticationText(_ content: SandboxJSON, template: ContentRecord,
                                           variables: ContentVariables) throws(SandboxError) -> String {
        guard let code = variables.value(of: "1", defaults: template.variables) else { throw missing("1") }
        var text = "\(code) is your verification code."
        if content["add_security_recommendation"] == .bool(true) { text += " For your security, do not share this code." }
        switch content["code_expiration_minutes"] {
        case .int(let minutes)?: text += "\nThis code expires in \(minutes) minutes."
        case .number(let minutes)?: text += "\nThis code expires in \(minutes) minutes."
        default: break
        }
        return text
    }

    /// `value` with every variable of every string filled by `lookup`.
    static func fill(_ value: SandboxJSON, _ lookup: (String) -> String?) throws(SandboxError) -> SandboxJSON {
        switch value {
        case .string(let text):
            return .string(try fill(text, lookup))
        case .array(let items):
            var filled: [SandboxJSON] = []
            for item in items { filled.append(try fill(item, lookup)) }
            return .array(filled)
        case .object(let fields):
            var filled: [(String, SandboxJSON)] = []
            for (key, item) in fields { filled.append((key, try fill(item, lookup))) }
            return .object(filled)
        default:
            return value
        }
    }

    /// `text` with each `{{name}}` replaced by `lookup(name)`.
    static func fill(_ text: String, _ lookup: (String) -> String?) throws(SandboxError) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}"), isVariableName(afterOpen[..<close.lowerBound]) else {
                output += "{{"
                rest = afterOpen
                continue
            }
            let name = String(afterOpen[..<close.lowerBound])
            guard let value = lookup(name) else { throw missing(name) }
            output += value
            rest = afterOpen[close.upperBound...]
        }
        return output + rest
    }

    /// Whether `name` can be a variable's name: 1–16 ASCII letters, digits or `_`.
    private static func isVariableName(_ name: Substring) -> Bool {
        (1...16).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// 21656 for variable `name`, which has no value.
    private static func missing(_ name: String) -> SandboxError {
        ContentVariables.invalid("no value for {{\(name)}}, in ContentVariables or among the template's default variables")
    }
}
