extension TwiML {
    /// `<Record>`: records the caller and reports the recording to ``action``.
    public struct Record: Sendable, Equatable {
        /// Where to send the recording details; `nil` means the current document's URL.
        public var action: String?
        /// How to request ``action``. Default `POST`.
        public var method: Method
        /// Seconds of silence that end the recording; `0` disables. Default 5.
        public var timeout: Int
        /// Maximum recording length in seconds. Default 3600.
        public var maxLength: Int
        /// Keys that end the recording; empty for none. Default `1234567890*#`.
        public var finishOnKey: String
        /// Whether a beep is played before recording starts. Default `true`.
        public var playBeep: Bool
        /// Whether Twilio transcribes the recording. Default `false`.
        public var transcribe: Bool
        /// Where Twilio reports recording status changes, if anywhere.
        public var recordingStatusCallback: String?

        /// Creates a `<Record>` with Twilio's defaults for every attribute not given.
        public init(
            action: String? = nil,
            method: Method = .post,
            timeout: Int = 5,
            maxLength: Int = 3600,
            finishOnKey: String = "1234567890*#",
            playBeep: Bool = true,
            transcribe: Bool = false,
            recordingStatusCallback: String? = nil
        ) {
            self.action = action
            self.method = method
            self.timeout = timeout
            self.maxLength = maxLength
            self.finishOnKey = finishOnKey
            self.playBeep = playBeep
            self.transcribe = transcribe
            self.recordingStatusCallback = recordingStatusCallback
        }
    }
}

extension TwiML.Record {
    static let elementName = "Record"

    init(element: TwiMLElement) throws {
        try element.requireNoContent()
        self.init(
            action: element.string("action"),
            method: try element.method(),
            timeout: try element.integer("timeout", default: 5),
            maxLength: try element.integer("maxLength", default: 3600),
            finishOnKey: element.string("finishOnKey") ?? "1234567890*#",
            playBeep: try element.boolean("playBeep", default: true),
            transcribe: try element.boolean("transcribe", default: false),
            recordingStatusCallback: element.string("recordingStatusCallback")
        )
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: [
            "action": action,
            "method": TwiMLElement.value(method, default: .post),
            "timeout": TwiMLElement.value(timeout, default: 5),
            "maxLength": TwiMLElement.value(maxLength, default: 3600),
            "finishOnKey": TwiMLElement.value(finishOnKey, default: "1234567890*#"),
            "playBeep": TwiMLElement.value(playBeep, default: true),
            "transcribe": TwiMLElement.value(transcribe, default: false),
            "recordingStatusCallback": recordingStatusCallback,
        ])
    }
}
