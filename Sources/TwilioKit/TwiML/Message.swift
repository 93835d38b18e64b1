extension TwiML {
    /// `<Message>`: sends an SMS/MMS reply.
    ///
    /// A message with no media renders its body as plain text (`<Message>Hi</Message>`); one with
    /// media renders `<Body>` and `<Media>` children. Both forms parse to the same value.
    public struct Message: Sendable, Equatable {
        /// The text of the message; `nil` for a media-only message.
        public var body: String?
        /// URLs of media to attach (MMS), at most 10.
        public var media: [String]
        /// The recipient; `nil` replies to the sender of the incoming message.
        public var to: String?
        /// The sender; `nil` uses the number that received the incoming message.
        public var from: String?
        /// Where Twilio reports the message's status, if anywhere.
        public var action: String?
        /// How to request ``action``. Default `POST`.
        public var method: Method

        /// Creates a `<Message>`.
        public init(
            _ body: String?,
            media: [String] = [],
            to: String? = nil,
            from: String? = nil,
            action: String? = nil,
            method: Method = .post
        ) {
            self.body = body
            self.media = media
            self.to = to
            self.from = from
            self.action = action
            self.method = method
        }
    }
}

extension TwiML.Message {
    static let elementName = "Message"
    private static let bodyName = "Body"
    private static let mediaName = "Media"

    init(element: TwiMLElement) throws {
        let hasElements = element.children.contains { if case .element = $0 { true } else { false } }
        var bodyText = ""
        var media: [String] = []
        if hasElements {
            var sawBody = false
            for child in try element.childElements() {
                switch child.name {
                case Self.bodyName:
                    guard !sawBody else { throw TwiMLParseError.duplicateElement(child.name, parent: element.name) }
                    sawBody = true
                    bodyText = try child.leafText()
                case Self.mediaName:
                    let url = try child.leafText()
                    guard !url.isEmpty else { throw TwiMLParseError.missingContent(element: child.name) }
                    media.append(url)
                default: throw TwiMLParseError.unexpectedElement(child.name, parent: element.name)
                }
            }
        } else {
            bodyText = try element.leafText()
        }
        self.init(
            bodyText.isEmpty ? nil : bodyText,
            media: media,
            to: element.string("to"),
            from: element.string("from"),
            action: element.string("action"),
            method: try element.method()
        )
    }

    var element: TwiMLElement {
        let attributes: KeyValuePairs<String, String?> = [
            "to": to,
            "from": from,
            "action": action,
            "method": TwiMLElement.value(method, default: .post),
        ]
        guard !media.isEmpty else { return TwiMLElement(Self.elementName, attributes: attributes, text: body ?? "") }
        let bodyElements = body.map { [TwiMLElement(Self.bodyName, text: $0)] } ?? []
        let mediaElements = media.map { TwiMLElement(Self.mediaName, text: $0) }
        return TwiMLElement(Self.elementName, attributes: attributes, elements: bodyElements + mediaElements)
    }
}
