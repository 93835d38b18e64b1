extension TwiML.Dial {
    /// A party to dial, nested in `<Dial>`.
    public enum Noun: Sendable, Equatable {
        /// `<Number>`: a phone number.
        case number(Number)
        /// `<Client>`: a Voice SDK client identity.
        case client(Client)
        /// `<Sip>`: a SIP URI.
        case sip(Sip)
        /// A noun this library does not model (e.g. `<Conference>`, `<Queue>`), kept by name.
        case unsupported(name: String)
    }
}

extension TwiML.Dial.Noun {
    init(element: TwiMLElement) throws {
        switch element.name {
        case TwiML.Dial.Number.elementName: self = .number(try TwiML.Dial.Number(element: element))
        case TwiML.Dial.Client.elementName: self = .client(try TwiML.Dial.Client(element: element))
        case TwiML.Dial.Sip.elementName: self = .sip(try TwiML.Dial.Sip(element: element))
        default: self = .unsupported(name: element.name)
        }
    }

    /// The element to render; `nil` for an unsupported noun whose name is not a valid XML name.
    var element: TwiMLElement? {
        switch self {
        case let .number(number): number.element
        case let .client(client): client.element
        case let .sip(sip): sip.element
        case let .unsupported(name): TwiMLElement.isValidName(name) ? TwiMLElement(name) : nil
        }
    }
}
