extension TwiML.Dial {
    /// The content of `<Dial>`: either text or noun elements, never both.
    public enum Target: Sendable, Equatable {
        /// A phone number written directly inside `<Dial>`, e.g. `<Dial>+15551234567</Dial>`.
        case number(String)
        /// `<Number>`, `<Client>`, `<Sip>` (and unsupported) nouns, dialed simultaneously.
        case nouns([Noun])
    }
}

extension TwiML.Dial.Target {
    init(element: TwiMLElement) throws {
        let hasElements = element.children.contains { if case .element = $0 { true } else { false } }
        if hasElements {
            self = .nouns(try element.childElements().map(TwiML.Dial.Noun.init(element:)))
        } else {
            let number = try element.leafText()
            guard !number.isEmpty else { throw TwiMLParseError.missingContent(element: element.name) }
            self = .number(number)
        }
    }
}
