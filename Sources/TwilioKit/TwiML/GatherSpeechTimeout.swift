extension TwiML.Gather {
    /// How long `<Gather>` waits after the caller stops speaking.
    public enum SpeechTimeout: Sendable, Equatable {
        /// Twilio decides when the caller has finished (`speechTimeout="auto"`).
        case auto
        /// A fixed number of seconds of silence.
        case seconds(Int)
    }
}

extension TwiML.Gather.SpeechTimeout {
    /// The `speechTimeout` attribute value.
    var attributeValue: String {
        switch self {
        case .auto: "auto"
        case let .seconds(seconds): String(seconds)
        }
    }

    /// Reads the `speechTimeout` attribute; `nil` when absent.
    init?(element: TwiMLElement) throws {
        guard let raw = element.string("speechTimeout") else { return nil }
        if TwiMLElement.trimmed(raw).lowercased() == "auto" {
            self = .auto
        } else if let seconds = Int(TwiMLElement.trimmed(raw)), seconds >= 0 {
            self = .seconds(seconds)
        } else {
            throw element.invalid("speechTimeout", raw, expected: "auto or a non-negative integer")
        }
    }
}
