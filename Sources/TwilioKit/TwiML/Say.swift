extension TwiML {
    /// `<Say>`: speaks text to the caller with text-to-speech.
    public struct Say: Sendable, Equatable {
        /// The text to speak. When parsing, SSML markup inside `<Say>` is reduced to its text.
        public var text: String
        /// The voice: `man`, `woman`, `Polly.*` or `Google.*`; Twilio's default is `man`.
        public var voice: String
        /// The language and locale, e.g. `en-GB`; Twilio's default is `en-US`.
        public var language: String
        /// How many times to speak the text; `0` repeats until the call ends. Default 1.
        public var loop: Int

        /// Creates a `<Say>` with Twilio's defaults for every attribute not given.
        public init(_ text: String, voice: String = "man", language: String = "en-US", loop: Int = 1) {
            self.text = text
            self.voice = voice
            self.language = language
            self.loop = loop
        }
    }
}

extension TwiML.Say {
    static let elementName = "Say"

    init(element: TwiMLElement) throws {
        self.init(
            element.allText(),
            voice: element.string("voice") ?? "man",
            language: element.string("language") ?? "en-US",
            loop: try element.integer("loop", default: 1)
        )
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "voice": TwiMLElement.value(voice, default: "man"),
            "language": TwiMLElement.value(language, default: "en-US"),
            "loop": TwiMLElement.value(loop, default: 1),
        ], text: text)
    }
}
