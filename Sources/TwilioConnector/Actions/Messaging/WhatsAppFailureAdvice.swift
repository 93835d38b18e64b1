/// What to do when WhatsApp (through Twilio) refuses a send, by Twilio's error code: one sentence
/// for a person building a flow, naming the addresses and template involved.
struct WhatsAppFailureAdvice: Sendable {
    /// The recipient, `whatsapp:+…`.
    let to: String
    /// The sender, `whatsapp:+…`.
    let from: String
    /// The template sent, if one was.
    let contentSid: String?

    /// The sentence for error `code`; `nil` for codes without advice.
    func sentence(for code: Int?) -> String? {
        let template = contentSid ?? "the template"
        switch code {
        case 63016:
            return "Use a template: \(to) has not written to \(from) in the last 24 hours, so WhatsApp only takes an approved "
                + "template (useTemplate: true with its ContentSid) until they write again."
        case 63007:
            return "\(from) is not a WhatsApp sender of this account: send from one of its registered WhatsApp senders, or register this number for WhatsApp first."
        case 21655:
            return "Check ContentSid: \(template) is not a Content template of this account (copy its HX… SID from the Content Template Builder)."
        case 21656:
            return "Give ContentVariables as an object of strings keyed by the template's variables, such as {\"1\": \"Ada\"}."
        case 63040:
            return "WhatsApp rejected \(template): send an approved template, or reply within 24 hours of the person's last message."
        case 63041:
            return "WhatsApp paused \(template) after negative feedback: send another approved template."
        case 63042:
            return "WhatsApp disabled \(template): send another approved template, or create a new one."
        case 63006:
            return "\(template) has no content type WhatsApp can carry: add one (twilio/text is the simplest)."
        default:
            return nil
        }
    }
}
