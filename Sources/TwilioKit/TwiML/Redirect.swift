extension TwiML {
    /// `<Redirect>`: continues with the TwiML fetched from another URL (voice and messaging).
    public struct Redirect: Sendable, Equatable {
        /// The URL of the next TwiML document, absolute or relative to the current one.
        public var url: String
        /// How to request ``url``. Default `POST`.
        public var method: Method

        /// Creates a `<Redirect>` to `url`.
        public init(_ url: String, method: Method = .post) {
            self.url = url
            self.method = method
        }
    }
}

extension TwiML.Redirect {
    static let elementName = "Redirect"

    init(element: TwiMLElement) throws {
        let url = try element.leafText()
        guard !url.isEmpty else { throw TwiMLParseError.missingContent(element: element.name) }
        self.init(url, method: try element.method())
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: ["method": TwiMLElement.value(method, default: .post)], text: url)
    }
}
