import Foundation
import TwilioKit

/// A message's statuses and the only ways between them: a state machine in the manner of
/// AsyncHTTPClient's `HTTPRequestStateMachine`. The state is TwilioKit's ``MessageStatus``; every
/// event goes through ``handle(_:)``, which moves the status on and returns the ``Action`` the
/// simulator takes.
///
/// ```
/// scheduled ──SendAt──▶ queued ──step──▶ sending ──channel──▶ sent ──handset──▶ delivered ──read──▶ read
///     │                               ▲            │                  ├──────────▶ undelivered (30003)
///     └──cancel──▶ canceled           │            │                  └──────────▶ failed (30007)
///                  accepted ──step────┘            └──refused──▶ failed (63016, 63007, 63006, 6304x)
/// ```
///
/// A message is `accepted` while its Messaging Service has still to pick the sender; an inbound
/// message is born `received`. The channel (WhatsApp's rules: registered sender, the 24-hour
/// window, the template's approval) takes or refuses a message as it leaves `sending`.
/// `undelivered`, `failed`, `received`, `canceled` and `read` are final; so is `delivered`, except
/// that a WhatsApp recipient reading the message moves it on to `read`.
struct MessageLifecycle: Sendable, Equatable {
    /// Something that happens to a message.
    enum Event: Sendable, Equatable {
        /// A scheduled message's `SendAt` came.
        case sendTimeReached
        /// A status step passed.
        case statusStepElapsed
        /// The channel took the message (`nil`) or refused it.
        case channelAnswered(refusal: ChannelRefusal?)
        /// The recipient's handset answered the carrier, as the handset directory decides.
        case handsetAnswered(HandsetDirectory.Outcome)
        /// UpdateMessage asked for `Status=canceled`.
        case cancelRequested
        /// The recipient read the message (a WhatsApp read receipt).
        case readByRecipient
    }

    /// What the simulator does after an event.
    enum Action: Sendable, Equatable {
        /// Nothing: the event does not apply where the message stands.
        case ignore
        /// The message is on its way: the sender chosen when it was created (its `From`, or the
        /// Messaging Service's pick) becomes its `from`. Twilio posts no status callback for it.
        case assignSender
        /// The message left for the carrier: it gets its `date_sent`; the status callback is posted.
        case markSent
        /// The handset answered, or the channel refused the message: its error, if any, is
        /// recorded; the status callback is posted.
        case recordOutcome(errorCode: Int?, errorMessage: String?)
        /// The recipient read it: the status callback (`EventType=READ`) is posted.
        case markRead
        /// The scheduled message will not be sent.
        case cancel
        /// The message cannot be canceled where it stands (30409).
        case refuseCancel

        /// Whether the message changed, and is stored again.
        var changesMessage: Bool {
            switch self {
            case .ignore, .refuseCancel: false
            case .assignSender, .markSent, .recordOutcome, .markRead, .cancel: true
            }
        }

        /// Whether Twilio posts the message's status callback after it.
        var postsStatusCallback: Bool {
            switch self {
            case .markSent, .recordOutcome, .markRead: true
            case .ignore, .assignSender, .cancel, .refuseCancel: false
            }
        }
    }

    /// What a message waits for before it moves on by itself.
    enum Wait: Sendable, Equatable {
        /// Its `SendAt` time, then ``Event/sendTimeReached``.
        case sendTime(Date)
        /// A status step, then ``Event/statusStepElapsed``.
        case statusStep
        /// A status step, then the channel's answer: ``Event/channelAnswered(refusal:)``.
        case channelAnswer
        /// A status step, then the handset's answer: ``Event/handsetAnswered(_:)``.
        case handsetAnswer
    }

    /// Where the message stands.
    private(set) var status: MessageStatus
    /// When a scheduled message is sent.
    let sendAt: Date?

    /// The lifecycle of a message at `status`, scheduled for `sendAt` if it is.
    init(status: MessageStatus, sendAt: Date? = nil) {
        self.status = status
        self.sendAt = sendAt
    }

    /// The status a new outbound message starts at: `scheduled` when it has a `SendAt`, `accepted`
    /// while its Messaging Service has to pick the sender, `queued` otherwise.
    static func initialStatus(scheduled: Bool, senderKnown: Bool) -> MessageStatus {
        if scheduled { return .scheduled }
        return senderKnown ? .queued : .accepted
    }

    /// What the message waits for; `nil` when it does not move on by itself (it is final, or a
    /// scheduled message without a time).
    var wait: Wait? {
        switch status {
        case .scheduled: sendAt.map(Wait.sendTime)
        case .accepted, .queued: .statusStep
        case .sending: .channelAnswer
        case .sent: .handsetAnswer
        default: nil
        }
    }

    /// Whether the message has reached a final status.
    var isFinal: Bool {
        switch status {
        case .delivered, .undelivered, .failed, .received, .canceled, .read: true
        default: false
        }
    }

    /// Moves the message on with `event`: the one transition function of a message.
    mutating func handle(_ event: Event) -> Action {
        switch (status, event) {
        case (.scheduled, .sendTimeReached):
            status = .queued
            return .assignSender
        case (.accepted, .statusStepElapsed), (.queued, .statusStepElapsed):
            status = .sending
            return .assignSender
        case (.sending, .channelAnswered(nil)):
            status = .sent
            return .markSent
        case (.sending, .channelAnswered(let refusal?)):
            status = .failed
            return .recordOutcome(errorCode: refusal.code, errorMessage: refusal.message)
        case (.sent, .handsetAnswered(let outcome)):
            let final = outcome.final
            status = final.status
            return .recordOutcome(errorCode: final.errorCode, errorMessage: final.errorMessage)
        case (.delivered, .readByRecipient):
            status = .read
            return .markRead
        case (.scheduled, .cancelRequested):
            status = .canceled
            return .cancel
        case (_, .cancelRequested):
            return .refuseCancel
        default:
            return .ignore
        }
    }
}
