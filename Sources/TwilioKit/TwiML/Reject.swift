extension TwiML {
    /// `<Reject>`: refuses an incoming call without answering (and without billing).
    public struct Reject: Sendable, Equatable {
        /// The signal the caller hears.
        public enum Reason: String, Sendable, Equatable, CaseIterable {
            /// A "not in service" message; Twilio's default.
            case rejected
            /// A busy signal.
            case busy
        }

        /// Which signal to play. Default ``Reason/rejected``.
        public var reason: Reason

        /// Creates a `<Reject>`.
        public init(reason: Reason = .rejected) {
            self.reason = reason
        }
    }
}

extension TwiML.Reject {
    static let elementName = "Reject"

    init(element: TwiMLElement) throws {
        try element.requireNoContent()
        self.init(reason: try element.choice("reason", default: .rejected))
    }

    var element: TwiMLElement {
        TwiMLElement(Self.elementName, attributes: ["reason": TwiMLElement.value(reason, default: .rejected)])
    }
}
