extension TwiML.Dial {
    /// `<Sip>`: a SIP endpoint to dial.
    public struct Sip: Sendable, Equatable {
        /// The SIP URI, e.g. `sip:alice@example.com`.
        public var uri: String
        /// The username for SIP authentication, if any.
        public var username: String?
        /// The password for SIP authentication, if any.
        public var password: String?
        /// TwiML to run for the called party before connecting, if any.
        public var url: String?
        /// How to request ``url``. Default `POST`.
        public var method: TwiML.Method

        /// Creates a `<Sip>`.
        public init(
            _ uri: String,
            username: String? = nil,
            password: String? = nil,
            url: String? = nil,
            method: TwiML.Method = .post
        ) {
            self.uri = uri
            self.username = username
            self.password = password
            self.url = url
            self.method = method
        }
    }
}

extension TwiML.Dial.Sip {
    static let elementName = "Sip"

    init(element: TwiMLElement) throws {
        let uri = try element.leafText()
        guard !uri.isEmpty else { throw TwiMLParseError.missingContent(element: element.name) }
        self.init(
            uri,
            username: element.string("username"),
            password: element.string("password"),
            url: element.string("url"),
            method: try element.method()
        )
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "username": username,
            "password": password,
            "url": url,
            "method": TwiMLElement.value(method, default: .post),
        ], text: uri)
    }
}
