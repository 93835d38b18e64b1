extension TwiML.Gather {
    /// The kinds of input `<Gather>` accepts, rendered space-separated (`dtmf speech`).
    public struct Input: OptionSet, Sendable, Hashable {
        /// The bit mask of the selected kinds.
        public let rawValue: Int

        /// Creates a set from its bit mask.
        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// Keypad digits (DTMF tones).
        public static let dtmf = Input(rawValue: 1 << 0)
        /// Speech, transcribed by Twilio.
        public static let speech = Input(rawValue: 1 << 1)

        private static let names: [(Input, String)] = [(.dtmf, "dtmf"), (.speech, "speech")]
    }
}

extension TwiML.Gather.Input {
    /// The `input` attribute value, e.g. `dtmf speech`.
    var attributeValue: String {
        Self.names.filter { contains($0.0) }.map(\.1).joined(separator: " ")
    }

    /// Reads the `input` attribute, `.dtmf` when absent.
    init(element: TwiMLElement) throws {
        guard let raw = element.string("input") else {
            self = .dtmf
            return
        }
        var input: Self = []
        for token in raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            guard let kind = Self.names.first(where: { $0.1 == token.lowercased() })?.0 else {
                throw element.invalid("input", raw, expected: "dtmf, speech or \"dtmf speech\"")
            }
            input.insert(kind)
        }
        guard !input.isEmpty else { throw element.invalid("input", raw, expected: "dtmf, speech or \"dtmf speech\"") }
        self = input
    }
}
