/// A voice TwiML document: the `<Response>` Twilio executes during a call.
///
/// ```swift
/// let response: VoiceResponse = [
///     .gather(TwiML.Gather(action: "/menu", numDigits: 1, prompts: [.say(TwiML.Say("Press 1 for sales."))])),
///     .say(TwiML.Say("We didn't get your choice. Goodbye!")),
///     .hangup,
/// ]
/// let xml = response.xml()
/// ```
public struct VoiceResponse: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// The verbs, in execution order.
    public var verbs: [VoiceVerb]

    /// Creates a response with the given verbs.
    public init(_ verbs: [VoiceVerb] = []) {
        self.verbs = verbs
    }

    /// Creates a response from an array literal of verbs.
    public init(arrayLiteral verbs: VoiceVerb...) {
        self.verbs = verbs
    }

    /// Parses a voice TwiML document.
    ///
    /// Unknown verbs become ``VoiceVerb/unsupported(name:)`` and unknown attributes are ignored;
    /// missing attributes take Twilio's documented defaults. Text content is trimmed.
    /// - Throws: ``TwiMLParseError`` if the XML is malformed, the root is not `<Response>`, or a
    ///   known verb has invalid content or attribute values.
    public init(xml: String) throws {
        try self.init(root: TwiMLDocument.root(of: xml))
    }

    init(root: TwiMLElement) throws {
        self.init(try root.childElements().map(VoiceVerb.init(element:)))
    }

    /// The document as XML: `<?xml version="1.0" encoding="UTF-8"?><Response>…</Response>`,
    /// with every text and attribute value escaped and attributes in a fixed order.
    public func xml() -> String {
        TwiMLElement(TwiMLDocument.rootName, elements: verbs.compactMap(\.element)).document()
    }
}
