extension TwiML {
    /// `<Gather>`: collects DTMF digits and/or speech while optionally playing nested prompts.
    public struct Gather: Sendable, Equatable {
        /// Which input to accept. Default `[.dtmf]`.
        public var input: Input
        /// Where to send the result; `nil` means the current document's URL.
        public var action: String?
        /// How to request ``action``. Default `POST`.
        public var method: Method
        /// Seconds of silence after which input ends. Default 5.
        public var timeout: Int
        /// How many digits to collect before ending; `nil` means unlimited.
        public var numDigits: Int?
        /// Keys that end DTMF input (`0`–`9`, `#`, `*`); empty for none. Default `#`.
        public var finishOnKey: String
        /// Silence that ends speech input; `nil` means ``timeout`` is used.
        public var speechTimeout: SpeechTimeout?
        /// The BCP-47 language of the expected speech. Default `en-US`.
        public var language: String
        /// Comma-separated words and phrases likely to be spoken, if any.
        public var hints: String?
        /// The `<Say>`, `<Play>` and `<Pause>` verbs played while gathering.
        public var prompts: [Prompt]

        /// Creates a `<Gather>` with Twilio's defaults for every attribute not given.
        public init(
            input: Input = .dtmf,
            action: String? = nil,
            method: Method = .post,
            timeout: Int = 5,
            numDigits: Int? = nil,
            finishOnKey: String = "#",
            speechTimeout: SpeechTimeout? = nil,
            language: String = "en-US",
            hints: String? = nil,
            prompts: [Prompt] = []
        ) {
            self.input = input
            self.action = action
            self.method = method
            self.timeout = timeout
            self.numDigits = numDigits
            self.finishOnKey = finishOnKey
            self.speechTimeout = speechTimeout
            self.language = language
            self.hints = hints
            self.prompts = prompts
        }
    }
}

extension TwiML.Gather {
    static let elementName = "Gather"

    init(element: TwiMLElement) throws {
        self.init(
            input: try Input(element: element),
            action: element.string("action"),
            method: try element.method(),
            timeout: try element.integer("timeout", default: 5),
            numDigits: try element.integer("numDigits"),
            finishOnKey: element.string("finishOnKey") ?? "#",
            speechTimeout: try SpeechTimeout(element: element),
            language: element.string("language") ?? "en-US",
            hints: element.string("hints"),
            prompts: try element.childElements().map { try Prompt(element: $0, parent: element.name) }
        )
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "input": TwiMLElement.value(input.attributeValue, default: Input.dtmf.attributeValue),
            "action": action,
            "method": TwiMLElement.value(method, default: .post),
            "timeout": TwiMLElement.value(timeout, default: 5),
            "numDigits": numDigits.map(String.init),
            "finishOnKey": TwiMLElement.value(finishOnKey, default: "#"),
            "speechTimeout": speechTimeout?.attributeValue,
            "language": TwiMLElement.value(language, default: "en-US"),
            "hints": hints,
        ], elements: prompts.map(\.element))
    }
}
