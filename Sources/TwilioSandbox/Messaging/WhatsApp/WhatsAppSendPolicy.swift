/// Whether WhatsApp takes an outbound message, as Twilio applies WhatsApp's rules when the message
/// leaves: a pure decision over what the sandbox knows, so it is tested on its own.
///
/// | sender | content | window | answer |
/// |---|---|---|---|
/// | not registered | any | any | 63007 |
/// | registered | template with no WhatsApp type | any | 63006 |
/// | registered | template paused / disabled | any | 63041 / 63042 |
/// | registered | free-form, or template not approved | open | sent |
/// | registered | free-form, or template unsubmitted / received / pending | closed | 63016 |
/// | registered | template rejected | closed | 63040 |
/// | registered | template approved, or Twilio's own text (Verify) | any | sent |
enum WhatsAppSendPolicy {
    /// What the message carries, as far as WhatsApp cares.
    enum Content: Sendable, Equatable {
        /// Free text and media.
        case freeForm
        /// A template rendered for WhatsApp (`carried` false when it has no type WhatsApp takes),
        /// with its approval status.
        case template(carried: Bool, approval: WhatsAppApproval.Status)
        /// Text Twilio writes on its own approved templates (Verify).
        case twilioService
    }

    /// The refusal of a message with `content` from a sender (`senderRegistered`), to a person
    /// whose 24-hour window is open or not; `nil` when WhatsApp takes it.
    static func refusal(senderRegistered: Bool, content: Content, windowOpen: Bool) -> ChannelRefusal? {
        guard senderRegistered else { return .unknownSender }
        switch content {
        case .twilioService, .template(carried: true, approval: .approved):
            return nil
        case .template(carried: false, _):
            return .unformattableContent
        case .template(_, approval: .paused):
            return .templatePaused
        case .template(_, approval: .disabled):
            return .templateDisabled
        case .freeForm, .template:
            guard !windowOpen else { return nil }
            if case .template(_, approval: .rejected) = content { return .templateRejected }
            return .outsideWindow
        }
    }
}
