/// Typed access to a parsed element's attributes and content, throwing ``TwiMLParseError``.
extension TwiMLElement {
    /// The raw value of `attribute`, if present.
    func string(_ attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    /// The value of a required `attribute`.
    func requiredString(_ attribute: String) throws -> String {
        guard let value = string(attribute) else {
            throw TwiMLParseError.missingAttribute(element: name, attribute: attribute)
        }
        return value
    }

    /// A non-negative integer `attribute`, `nil` when absent.
    func integer(_ attribute: String) throws -> Int? {
        guard let raw = string(attribute) else { return nil }
        guard let value = Int(Self.trimmed(raw)), value >= 0 else {
            throw invalid(attribute, raw, expected: "a non-negative integer")
        }
        return value
    }

    /// A non-negative integer `attribute`, `defaultValue` when absent.
    func integer(_ attribute: String, default defaultValue: Int) throws -> Int {
        try integer(attribute) ?? defaultValue
    }

    /// A `true`/`false` `attribute` (any letter case), `defaultValue` when absent.
    func boolean(_ attribute: String, default defaultValue: Bool) throws -> Bool {
        guard let raw = string(attribute) else { return defaultValue }
        switch Self.trimmed(raw).lowercased() {
        case "true": return true
        case "false": return false
        default: throw invalid(attribute, raw, expected: "true or false")
        }
    }

    /// An attribute from a closed set of values (matched ignoring letter case), `defaultValue` when absent.
    func choice<Value: RawRepresentable & CaseIterable>(_ attribute: String, default defaultValue: Value) throws -> Value
    where Value.RawValue == String {
        guard let raw = string(attribute) else { return defaultValue }
        let wanted = Self.trimmed(raw).lowercased()
        guard let value = Value.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else {
            throw invalid(attribute, raw, expected: Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// The `method` attribute, `POST` when absent.
    func method(_ attribute: String = "method") throws -> TwiML.Method {
        try choice(attribute, default: .post)
    }

    /// An ``TwiMLParseError/invalidAttribute(element:attribute:value:expected:)`` for this element.
    func invalid(_ attribute: String, _ value: String, expected: String) -> TwiMLParseError {
        .invalidAttribute(element: name, attribute: attribute, value: value, expected: expected)
    }

    /// The child elements of a container, which may contain whitespace between them but no text.
    func childElements() throws -> [TwiMLElement] {
        try children.compactMap { node in
            switch node {
            case let .element(element):
                return element
            case let .text(text):
                guard Self.trimmed(text).isEmpty else { throw TwiMLParseError.unexpectedText(element: name) }
                return nil
            }
        }
    }

    /// The trimmed text of an element that allows no child elements.
    func leafText() throws -> String {
        for case let .element(child) in children {
            throw TwiMLParseError.unexpectedElement(child.name, parent: name)
        }
        return allText()
    }

    /// The trimmed text of an element and all its descendants, e.g. `<Say>` with SSML markup.
    func allText() -> String {
        Self.trimmed(flattenedText())
    }

    /// Throws unless the element is empty apart from whitespace.
    func requireNoContent() throws {
        if let child = try childElements().first {
            throw TwiMLParseError.unexpectedElement(child.name, parent: name)
        }
    }

    private func flattenedText() -> String {
        children.map { node in
            switch node {
            case let .element(element): element.flattenedText()
            case let .text(text): text
            }
        }.joined()
    }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF).
    static func trimmed(_ text: some StringProtocol) -> String {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = text.firstIndex(where: { !isWhitespace($0) }),
              let last = text.lastIndex(where: { !isWhitespace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }
}
