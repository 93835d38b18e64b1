import TwilioKit

/// Waits, within a bound, for a message Twilio has just accepted to leave `queued`, `accepted`
/// and `sending`: what a WhatsApp send needs to report the failures only the channel knows
/// (63016 outside the 24-hour window, 63007 an unregistered sender) as the failure they are,
/// rather than a `queued` success. Polls the message (FetchMessage), so it works against Twilio
/// and the sandbox alike, with or without a status callback the connector can receive.
struct MessageStatusWait: Sendable {
    /// The statuses a message moves on from by itself before the channel has answered.
    static let pending: Set<MessageStatus> = [.queued, .accepted, .sending]

    /// The longest wait.
    let limit: Duration
    /// The pause between two fetches.
    var interval: Duration = .milliseconds(250)

    /// `message` as it stands once it has left the pending statuses, or at the limit (the last
    /// answer; `message` itself when no fetch succeeded). A fetch that fails ends the wait: the
    /// message was sent, and its status is only news.
    func settle(_ message: Message, using client: TwilioClient) async -> Message {
        guard let sid = message.sid, limit > .zero else { return message }
        let deadline = ContinuousClock.now + limit
        var latest = message
        while latest.status.map(Self.pending.contains) ?? false, ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: min(interval, deadline - ContinuousClock.now))
                latest = try await client.messages.fetch(sid)
            } catch {
                return latest
            }
        }
        return latest
    }
}
