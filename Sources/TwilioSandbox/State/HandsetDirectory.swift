/// How the simulated handsets answer: delivered by default; a handset can be set unreachable or
/// filtered, through the inspection API or by the sandbox's own magic numbers.
actor HandsetDirectory {
    /// What happens to a message sent to a handset.
    enum Outcome: String, Sendable, CaseIterable {
        case delivered
        /// `undelivered` with 30003 (unreachable destination handset).
        case unreachable
        /// `failed` with 30007 (message filtered by the carrier).
        case filtered

        /// The final status, error code and message.
        var final: (status: String, errorCode: Int?, errorMessage: String?) {
            switch self {
            case .delivered: ("delivered", nil, nil)
            case .unreachable: ("undelivered", 30003, "Unreachable destination handset")
            case .filtered: ("failed", 30007, "Message filtered")
            }
        }
    }

    /// Handsets that always behave one way, documented in the README.
    static let magicOutcomes: [String: Outcome] = ["+15005550010": .unreachable, "+15005550011": .filtered]

    private var outcomes: [String: Outcome] = HandsetDirectory.magicOutcomes
    private var gatherDigits: [String: [String]] = [:]
    private var gatherSpeech: [String: [String]] = [:]

    /// What a message to `address` (E.164 or `whatsapp:`…) ends as.
    func outcome(for address: String) -> Outcome {
        outcomes[Self.bare(address)] ?? .delivered
    }

    /// Sets how `number` answers.
    func setOutcome(_ outcome: Outcome, for number: String) {
        outcomes[Self.bare(number)] = outcome
    }

    /// The digits the handset presses at its next `<Gather>`s, in order.
    func queueDigits(_ digits: [String], for number: String) {
        gatherDigits[Self.bare(number), default: []].append(contentsOf: digits)
    }

    /// The digits for the next `<Gather>` of a call to `number`, if the handset has any.
    func nextDigits(for number: String) -> String? {
        let key = Self.bare(number)
        guard var queue = gatherDigits[key], !queue.isEmpty else { return nil }
        let next = queue.removeFirst()
        gatherDigits[key] = queue
        return next
    }

    /// What the handset says at its next speech `<Gather>`s, in order.
    func queueSpeech(_ phrases: [String], for number: String) {
        gatherSpeech[Self.bare(number), default: []].append(contentsOf: phrases)
    }

    /// What the handset says at the next speech `<Gather>` of a call to `number`, if anything.
    func nextSpeech(for number: String) -> String? {
        let key = Self.bare(number)
        guard var queue = gatherSpeech[key], !queue.isEmpty else { return nil }
        let next = queue.removeFirst()
        gatherSpeech[key] = queue
        return next
    }

    private static func bare(_ address: String) -> String {
        guard let colon = address.firstIndex(of: ":") else { return address }
        return String(address[address.index(after: colon)...])
    }
}
