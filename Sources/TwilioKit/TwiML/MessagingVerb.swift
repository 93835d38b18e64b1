/// A verb in a ``MessagingResponse``.
public enum MessagingVerb: Sendable, Equatable {
    /// `<Message>`: send a reply.
    case message(TwiML.Message)
    /// `<Redirect>`: continue with another TwiML document.
    case redirect(TwiML.Redirect)
    /// A verb this library does not model, kept by element name. It renders as an empty element,
    /// or not at all if `name` is not a valid XML name.
    case unsupported(name: String)
}

extension MessagingVerb {
    init(element: TwiMLElement) throws {
        switch element.name {
        case TwiML.Message.elementName: self = .message(try TwiML.Message(element: element))
        case TwiML.Redirect.elementName: self = .redirect(try TwiML.Redirect(element: element))
        default: self = .unsupported(name: element.name)
        }
    }

    /// The element to render; `nil` for an unsupported verb whose name is not a valid XML name.
    var element: TwiMLElement? {
        switch self {
        case let .message(message): message.element
        case let .redirect(redirect): redirect.element
        case let .unsupported(name): TwiMLElement.isValidName(name) ? TwiMLElement(name) : nil
        }
    }
}
