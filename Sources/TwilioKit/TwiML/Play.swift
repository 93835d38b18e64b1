extension TwiML {
    /// `<Play>`: plays an audio file to the caller, or sends DTMF tones.
    public struct Play: Sendable, Equatable {
        /// The URL of the audio file; `nil` when the element only plays ``digits``.
        public var url: String?
        /// How many times to play the file; `0` repeats until the call ends. Default 1.
        public var loop: Int
        /// DTMF digits to send (`0`–`9`, `*`, `#`, `w` for a half-second pause), if any.
        public var digits: String?

        /// Creates a `<Play>` of the audio at `url`.
        public init(_ url: String, loop: Int = 1) {
            self.url = url
            self.loop = loop
            digits = nil
        }

        /// Creates a `<Play digits="…"/>` that sends DTMF tones.
        public init(digits: String) {
            url = nil
            loop = 1
            self.digits = digits
        }

        /// Creates a `<Play>` from all its parts.
        public init(url: String?, loop: Int, digits: String?) {
            self.url = url
            self.loop = loop
            self.digits = digits
        }
    }
}

extension TwiML.Play {
    static let elementName = "Play"

    init(element: TwiMLElement) throws {
        let text = try element.leafText()
        let digits = element.string("digits")
        guard !text.isEmpty || digits != nil else { throw TwiMLParseError.missingContent(element: element.name) }
        self.init(url: text.isEmpty ? nil : text, loop: try element.integer("loop", default: 1), digits: digits)
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "loop": TwiMLElement.value(loop, default: 1),
            "digits": digits,
        ], text: url ?? "")
    }
}
