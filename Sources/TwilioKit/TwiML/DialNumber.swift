extension TwiML.Dial {
    /// `<Number>`: a phone number to dial, with per-number options.
    public struct Number: Sendable, Equatable {
        /// The phone number, preferably E.164 (`+15551234567`).
        public var phoneNumber: String
        /// DTMF digits to send once the call connects (`w` waits half a second), if any.
        public var sendDigits: String?
        /// TwiML to run for the called party before connecting (a "whisper"), if any.
        public var url: String?
        /// How to request ``url``. Default `POST`.
        public var method: TwiML.Method

        /// Creates a `<Number>`.
        public init(_ phoneNumber: String, sendDigits: String? = nil, url: String? = nil, method: TwiML.Method = .post) {
            self.phoneNumber = phoneNumber
            self.sendDigits = sendDigits
            self.url = url
            self.method = method
        }
    }
}

extension TwiML.Dial.Number {
    static let elementName = "Number"

    init(element: TwiMLElement) throws {
        let number = try element.leafText()
        guard !number.isEmpty else { throw TwiMLParseError.missingContent(element: element.name) }
        self.init(number, sendDigits: element.string("sendDigits"), url: element.string("url"), method: try element.method())
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "sendDigits": sendDigits,
            "url": url,
            "method": TwiMLElement.value(method, default: .post),
        ], text: phoneNumber)
    }
}
