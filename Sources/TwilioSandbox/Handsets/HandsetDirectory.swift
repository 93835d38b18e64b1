import TwilioKit

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

        /// The message's final status, error code and error message.
        var final: (status: MessageStatus, errorCode: Int?, errorMessage: String?) {
            switch self {
            case .delivered: (.delivered, nil, nil)
            case .unreachable: (.undelivered, 30003, "Unreachable destination handset")
            case .filtered: (.failed, 30007, "Message filtered")
            }
        }
    }

    /// Handsets that always behave one way, documented in the README.
    static let magicOutcomes: [String: Outcome] = ["+15005550010": .unreachable, "+15005550011": .filtered]

    private var outcomes: [String: Outcome] = HandsetDirectory.magicOutcomes
    private var gatherAnswers: [GatherAnswer: [String: [String]]] = [:]

    /// What a message to `address` (E.164 or `whatsapp:`…) ends as.
    func outcome(for address: String) -> Outcome {
        outcomes[Self.bare(address)] ?? .delivered
    }

    /// Sets how `number` answers.
    func setOutcome(_ outcome: Outcome, for number: String) {
        outcomes[Self.bare(number)] = outcome
    }

    /// What the handset answers its next `<Gather>`s with, in order.
    func queue(_ answers: [String], _ kind: GatherAnswer, for number: String) {
        gatherAnswers[kind, default: [:]][Self.bare(number), default: []].append(contentsOf: answers)
    }

    /// The handset's answer of `kind` to the next `<Gather>` of a call to `number`, if it has one.
    func nextAnswer(_ kind: GatherAnswer, for number: String) -> String? {
        let key = Self.bare(number)
        guard var queue = gatherAnswers[kind]?[key], !queue.isEmpty else { return nil }
        let next = queue.removeFirst()
        gatherAnswers[kind]?[key] = queue
        return next
    }

    /// The number of a channel address (`whatsapp:+1…` is `+1…`).
    private static func bare(_ address: String) -> String {
        guard let colon = address.firstIndex(of: ":") else { return address }
        return String(address[address.index(after: colon)...])
    }
}
