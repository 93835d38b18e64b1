import Foundation
import TwilioKit

/// Twilio's messaging behaviour: validation on create (with the test-credential magic numbers,
/// templates rendered and SMS destination rules, `+Create`), each message moved through its
/// ``MessageLifecycle`` with signed status callbacks and WhatsApp's rules as it leaves
/// (`+Channels`), scheduling and cancelling (`+Update`), inbound messages posted to the owned
/// number's webhook with the TwiML reply acted on (`+Inbound`), and read receipts (`+Read`).
struct MessagingSimulator: Sendable {
    let environment: SimulationEnvironment
    let messages: ResourceStore<MessageRecord>
    let phoneNumbers: PhoneNumbersFacade
    let messagingServices: MessagingServicesFacade
    /// The templates a message may name by `ContentSid`.
    let content: ContentFacade
    /// The clock, WhatsApp windows and senders, and Geo-Permissions.
    let rules: MessagingRules
    /// How far ahead a scheduled message's `SendAt` must be.
    let minimumScheduleLead: Duration

    // MARK: Lifecycle

    /// Stores `message` and starts delivering it in the background, from `sender`.
    func queue(_ message: MessageRecord, sender: String?) async {
        await messages.save(message)
        let simulator = self
        environment.background.run { await simulator.deliver(message.sid, sender: sender) }
    }

    /// Moves message `sid` through its lifecycle from where it stands (a restart resumes it):
    /// waits for what its status waits for, hands the event to the lifecycle, and posts the status
    /// callback when the transition calls for one. `sender` becomes its `from` once it is on its way.
    func deliver(_ sid: String, sender: String?) async {
        while let message = await messages.record(sid), let wait = message.lifecycle.wait {
            guard let event = await event(after: wait, of: sid, to: message.to) else { return }
            guard let moved = await apply(event, to: sid, sender: sender) else { return }
            if moved.action.postsStatusCallback { await postStatusCallback(moved.record) }
        }
    }

    /// Hands `event` to message `sid`'s lifecycle and stores what changed (`sender` becomes its
    /// `from` once it is on its way): the message and the action taken, or `nil` when nothing
    /// changed.
    func apply(_ event: MessageLifecycle.Event, to sid: String,
               sender: String?) async -> (record: MessageRecord, action: MessageLifecycle.Action)? {
        let now = Date()
        guard let moved = await messages.transition(sid, { message in
            let action = message.handle(event, sender: sender, now: now)
            return action.changesMessage ? action : nil
        }) else { return nil }
        return (moved.record, moved.outcome)
    }

    /// Tells Event Streams sinks of `message`'s new status, and posts its status callback if it has
    /// one.
    func postStatusCallback(_ message: MessageRecord) async {
        await environment.eventStreams.messageStatusChanged(Self.statusCallbackParameters(message))
        guard let url = message.statusCallback else { return }
        await environment.webhooks.send(url, parameters: Self.statusCallbackParameters(message), accountSID: message.accountSID)
    }

    /// Waits for `wait`: the event it brings to message `sid` to `recipient`, or `nil` when the
    /// sandbox stopped meanwhile.
    private func event(after wait: MessageLifecycle.Wait, of sid: String, to recipient: String) async -> MessageLifecycle.Event? {
        switch wait {
        case .sendTime(let sendAt):
            guard await pause(.milliseconds(Int64(max(0, sendAt.timeIntervalSinceNow) * 1000))) else { return nil }
            return .sendTimeReached
        case .statusStep:
            guard await pause(environment.statusStep) else { return nil }
            return .statusStepElapsed
        case .channelAnswer:
            guard await pause(environment.statusStep), let message = await messages.record(sid) else { return nil }
            return .channelAnswered(refusal: await channelRefusal(of: message))
        case .handsetAnswer:
            guard await pause(environment.statusStep) else { return nil }
            return .handsetAnswered(await environment.handsets.outcome(for: recipient))
        }
    }

    /// Takes up the messages a previous run left on their way.
    func resumeDeliveries() async {
        for message in await messages.records(where: { $0.lifecycle.wait != nil }) {
            let simulator = self
            environment.background.run { await simulator.deliver(message.sid, sender: message.from) }
        }
    }

    /// The parameters of a message status callback, as Twilio posts them.
    static func statusCallbackParameters(_ message: MessageRecord) -> [(String, String)] {
        var parameters: [(String, String)] = [
            ("AccountSid", message.accountSID), ("ApiVersion", "2010-04-01"), ("From", message.from ?? ""),
            ("MessageSid", message.sid), ("MessageStatus", message.status.rawValue), ("SmsSid", message.sid),
            ("SmsStatus", message.status.rawValue), ("To", message.to),
        ]
        if let service = message.messagingServiceSID { parameters.append(("MessagingServiceSid", service)) }
        if let code = message.errorCode { parameters.append(("ErrorCode", String(code))) }
        if message.status == .delivered { parameters.append(("RawDlrDoneDate", Self.dlrDate(message.dateUpdated))) }
        if message.isWhatsApp { parameters += Self.whatsAppStatusParameters(message) }
        return parameters
    }

    /// A carrier's delivery report date: `YYMMDDhhmm`.
    private static func dlrDate(_ date: Date) -> String {
        let compact = TwilioDateFormat.iso8601String(from: date).filter(\.isNumber)
        return String(compact.dropFirst(2).prefix(10))
    }
}
