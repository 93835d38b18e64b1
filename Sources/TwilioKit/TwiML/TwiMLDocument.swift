/// A parsed TwiML document, voice or messaging.
public enum TwiMLDocument: Sendable, Equatable {
    /// A voice document (`<Say>`, `<Gather>`, `<Dial>`, …).
    case voice(VoiceResponse)
    /// A messaging document (`<Message>`).
    case messaging(MessagingResponse)

    /// Parses a TwiML document, deciding its kind from its verbs: a document whose top-level
    /// verbs include `<Message>` is messaging, any other (including an empty `<Response/>` or one
    /// with only `<Redirect>`) is voice. When the kind is known from context, use
    /// ``VoiceResponse/init(xml:)`` or ``MessagingResponse/init(xml:)`` instead.
    /// - Throws: ``TwiMLParseError`` describing what is wrong with the document.
    public static func parse(_ xml: String) throws -> TwiMLDocument {
        let root = try root(of: xml)
        let isMessaging = root.children.contains { node in
            if case let .element(element) = node { element.name == TwiML.Message.elementName } else { false }
        }
        return isMessaging ? .messaging(try MessagingResponse(root: root)) : .voice(try VoiceResponse(root: root))
    }

    /// The document as XML.
    public func xml() -> String {
        switch self {
        case let .voice(response): response.xml()
        case let .messaging(response): response.xml()
        }
    }

    static let rootName = "Response"

    /// The `<Response>` element of `xml`.
    static func root(of xml: String) throws -> TwiMLElement {
        let root = try TwiMLXMLReader.read(xml)
        guard root.name == rootName else { throw TwiMLParseError.unexpectedRoot(root.name) }
        return root
    }
}
