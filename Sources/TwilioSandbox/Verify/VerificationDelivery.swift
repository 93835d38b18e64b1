import Foundation
import TwilioKit

/// One delivery of a verification code to the simulated user: an SMS or WhatsApp message (also in
/// the handset's messages), a voice call, or an email.
struct VerificationDelivery: Codable, Sendable {
    /// `sms`, `whatsapp`, `call` or `email`.
    let channel: String
    let to: String
    let from: String?
    /// The email's subject; `nil` for other channels.
    let subject: String?
    /// The text sent, or the words spoken on the call.
    let body: String
    /// The message (`SM…`) that carried an SMS or WhatsApp code.
    let messageSID: String?
    let date: Date

    /// The delivery as the inspection API shows it.
    var json: SandboxJSON {
        .object([
            ("channel", .string(channel)),
            ("to", .string(to)),
            ("from", .optional(from)),
            ("subject", .optional(subject)),
            ("body", .string(body)),
            ("message_sid", .optional(messageSID)),
            ("date", .string(TwilioDateFormat.iso8601String(from: date))),
        ])
    }
}
