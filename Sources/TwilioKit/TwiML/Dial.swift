extension TwiML {
    /// `<Dial>`: connects the caller to another party.
    public struct Dial: Sendable, Equatable {
        /// Whom to call: a plain phone number or `<Number>`/`<Client>`/`<Sip>` nouns.
        public var target: Target
        /// Where to send the outcome when the dialed call ends; `nil` continues with the next verb.
        public var action: String?
        /// How to request ``action``. Default `POST`.
        public var method: Method
        /// Seconds to let the dialed party ring. Default 30.
        public var timeout: Int
        /// The caller ID presented to the dialed party; `nil` keeps the caller's own number.
        public var callerId: String?
        /// Whether and from when to record. Default ``Recording/doNotRecord``.
        public var record: Recording
        /// Maximum call duration in seconds. Default 14400 (four hours).
        public var timeLimit: Int
        /// Whether the caller can hang up on the dialed party by pressing `*`. Default `false`.
        public var hangupOnStar: Bool

        /// Creates a `<Dial>` with Twilio's defaults for every attribute not given.
        public init(
            _ target: Target,
            action: String? = nil,
            method: Method = .post,
            timeout: Int = 30,
            callerId: String? = nil,
            record: Recording = .doNotRecord,
            timeLimit: Int = 14400,
            hangupOnStar: Bool = false
        ) {
            self.target = target
            self.action = action
            self.method = method
            self.timeout = timeout
            self.callerId = callerId
            self.record = record
            self.timeLimit = timeLimit
            self.hangupOnStar = hangupOnStar
        }

        /// The `record` attribute's values.
        public enum Recording: String, Sendable, Equatable, CaseIterable {
            /// No recording; Twilio's default. Parsing also accepts the legacy `false`.
            case doNotRecord = "do-not-record"
            /// Record once the dialed party answers. Parsing also accepts the legacy `true`.
            case recordFromAnswer = "record-from-answer"
            /// Record from the moment dialing starts, ringing included.
            case recordFromRinging = "record-from-ringing"
            /// Like ``recordFromAnswer``, each party on its own channel.
            case recordFromAnswerDual = "record-from-answer-dual"
            /// Like ``recordFromRinging``, each party on its own channel.
            case recordFromRingingDual = "record-from-ringing-dual"
        }
    }
}

extension TwiML.Dial {
    static let elementName = "Dial"

    init(element: TwiMLElement) throws {
        let record: Recording
        switch element.string("record").map({ TwiMLElement.trimmed($0).lowercased() }) {
        case "true": record = .recordFromAnswer
        case "false": record = .doNotRecord
        default: record = try element.choice("record", default: .doNotRecord)
        }
        self.init(
            try Target(element: element),
            action: element.string("action"),
            method: try element.method(),
            timeout: try element.integer("timeout", default: 30),
            callerId: element.string("callerId"),
            record: record,
            timeLimit: try element.integer("timeLimit", default: 14400),
            hangupOnStar: try element.boolean("hangupOnStar", default: false)
        )
    }

    var element: TwiMLElement {
        let attributes: KeyValuePairs<String, String?> = [
            "action": action,
            "method": TwiMLElement.value(method, default: .post),
            "timeout": TwiMLElement.value(timeout, default: 30),
            "callerId": callerId,
            "record": TwiMLElement.value(record, default: .doNotRecord),
            "timeLimit": TwiMLElement.value(timeLimit, default: 14400),
            "hangupOnStar": TwiMLElement.value(hangupOnStar, default: false),
        ]
        switch target {
        case let .number(number):
            return TwiMLElement(Self.elementName, attributes: attributes, text: number)
        case let .nouns(nouns):
            return TwiMLElement(Self.elementName, attributes: attributes, elements: nouns.compactMap(\.element))
        }
    }
}
