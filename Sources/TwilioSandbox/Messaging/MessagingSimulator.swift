import Foundation
import TwilioKit

/// Twilio's messaging behaviour: validation on create (with the test-credential magic numbers,
/// `+MessagingSimulator+Create`), each message moved through its ``MessageLifecycle`` with signed
/// status callbacks, scheduling and cancelling (`+Update`), and inbound messages posted to the
/// owned number's webhook with the TwiML reply acted on (`+Inbound`).
struct MessagingSimulator: Sendable {
    let environment: SimulationEnvironment
    let messages: ResourceStore<MessageRecord>
    let phoneNumbers: PhoneNumbersFacade
    let messagingServices: MessagingServicesFacade
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
            guard let event = await event(after: wait, to: message.to) else { return }
            let now = Date()
            guard let moved = await messages.transition(sid, { message in
                let action = message.handle(event, sender: sender, now: now)
                return action.changesMessage ? action : nil
            }) else { return }
            if moved.outcome.postsStatusCallback {
                await environment.eventStreams.messageStatusChanged(Self.statusCallbackParameters(moved.record))
            }
            if moved.outcome.postsStatusCallback, let url = moved.record.statusCallback {
                await environment.webhooks.send(url, parameters: Self.statusCallbackParameters(moved.record),
                                                accountSID: moved.record.accountSID)
            }
        }
    }

    /// Waits for `wait`: the event it brings to a message to `recipient`, or `nil` when the
    /// sandbox stopped meanwhile.
    private func event(after wait: MessageLifecycle.Wait, to recipient: String) async -> MessageLifecycle.Event? {
        switch wait {
        case .sendTime(let sendAt):
            guard await pause(.milliseconds(Int64(max(0, sendAt.timeIntervalSinceNow) * 1000))) else { return nil }
            return .sendTimeReached
        case .statusStep:
            guard await pause(environment.statusStep) else { return nil }
            return .statusStepElapsed
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
        return parameters
    }

    /// A carrier's delivery report date: `YYMMDDhhmm`.
    private static func dlrDate(_ date: Date) -> String {
        let compact = TwilioDateFormat.iso8601String(from: date).filter(\.isNumber)
        return String(compact.dropFirst(2).prefix(10))
    }
}
