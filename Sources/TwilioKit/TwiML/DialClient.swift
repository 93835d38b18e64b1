extension TwiML.Dial {
    /// `<Client>`: a Twilio Voice SDK client to dial.
    public struct Client: Sendable, Equatable {
        /// The client identity.
        public var identity: String
        /// TwiML to run for the client before connecting, if any.
        public var url: String?
        /// How to request ``url``. Default `POST`.
        public var method: TwiML.Method

        /// Creates a `<Client>`.
        public init(_ identity: String, url: String? = nil, method: TwiML.Method = .post) {
            self.identity = identity
            self.url = url
            self.method = method
        }
    }
}

extension TwiML.Dial.Client {
    static let elementName = "Client"

    init(element: TwiMLElement) throws {
        let identity = try element.leafText()
        guard !identity.isEmpty else { throw TwiMLParseError.missingContent(element: element.name) }
        self.init(identity, url: element.string("url"), method: try element.method())
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "url": url,
            "method": TwiMLElement.value(method, default: .post),
        ], text: identity)
    }
}
