import Foundation

/// WhatsApp's customer-service windows: a business may send free-form messages to a person only
/// within 24 hours of that person's last message to it; outside, only approved templates. Each
/// inbound WhatsApp message opens (or reopens) the window between its sender and the number it
/// was sent to, at the sandbox clock's time.
actor CustomerServiceWindows {
    /// How long a window stays open after the person's last message.
    static let length: TimeInterval = 24 * 60 * 60

    /// When each person last wrote to each business number, by sandbox time.
    private var lastMessage: [Pair: Date] = [:]

    /// A business number and a person, as bare numbers.
    private struct Pair: Hashable {
        let business: String
        let person: String

        init(business: String, person: String) {
            self.business = Self.bare(business)
            self.person = Self.bare(person)
        }

        private static func bare(_ address: String) -> String {
            address.lowercased().hasPrefix("whatsapp:") ? String(address.dropFirst("whatsapp:".count)) : address
        }
    }

    /// `person` wrote to `business` at `date` (sandbox time).
    func personWrote(_ person: String, to business: String, at date: Date) {
        let pair = Pair(business: business, person: person)
        lastMessage[pair] = max(lastMessage[pair] ?? date, date)
    }

    /// Whether `business` may send `person` free-form messages at `date`.
    func isOpen(business: String, person: String, at date: Date) -> Bool {
        guard let last = lastMessage[Pair(business: business, person: person)] else { return false }
        return date.timeIntervalSince(last) < Self.length
    }
}
