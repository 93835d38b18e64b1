/// A messaging TwiML document: the `<Response>` Twilio executes for an incoming SMS/MMS.
///
/// ```swift
/// let response: MessagingResponse = [.message(TwiML.Message("Thanks, we got it!"))]
/// let xml = response.xml()
/// ```
public struct MessagingResponse: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// The verbs, in execution order.
    public var verbs: [MessagingVerb]

    /// Creates a response with the given verbs.
    public init(_ verbs: [MessagingVerb] = []) {
        self.verbs = verbs
    }

    /// Creates a response from an array literal of verbs.
    public init(arrayLiteral verbs: MessagingVerb...) {
        self.verbs = verbs
    }

    /// Parses a messaging TwiML document.
    ///
    /// Unknown verbs become ``MessagingVerb/unsupported(name:)`` and unknown attributes are
    /// ignored. Text content is trimmed.
    /// - Throws: ``TwiMLParseError`` if the XML is malformed, the root is not `<Response>`, or a
    ///   known verb has invalid content or attribute values.
    public init(xml: String) throws {
        try self.init(root: TwiMLDocument.root(of: xml))
    }

    init(root: TwiMLElement) throws {
        self.init(try root.childElements().map(MessagingVerb.init(element:)))
    }

    /// The document as XML: `<?xml version="1.0" encoding="UTF-8"?><Response>…</Response>`,
    /// with every text and attribute value escaped and attributes in a fixed order.
    public func xml() -> String {
        TwiMLElement(TwiMLDocument.rootName, elements: verbs.compactMap(\.element)).document()
    }
}
