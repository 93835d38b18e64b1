import Foundation
import TwilioKit

/// One webhook the sandbox posted, and what came back.
struct WebhookDelivery: Sendable {
    /// The account whose webhook it was.
    let accountSID: String
    let url: String
    /// `GET` or `POST`.
    let method: String
    /// The form parameters, in the order they were sent (none for a JSON body).
    let parameters: [(String, String)]
    /// The JSON body (an Event Streams delivery), or `nil` for a form.
    let body: String?
    /// `X-Twilio-Signature`.
    let signature: String
    /// `I-Twilio-Idempotency-Token`.
    let idempotencyToken: String
    /// The answer's HTTP status; `nil` when the URL did not answer.
    let status: Int?
    let responseBody: String
    let date: Date

    /// The delivery as the inspection API shows it.
    var json: SandboxJSON {
        .object([
            ("url", .string(url)), ("method", .string(method)),
            ("parameters", .object(parameters.map { ($0.0, .string($0.1)) })),
            ("body", .optional(body)),
            ("signature", .string(signature)), ("idempotency_token", .string(idempotencyToken)),
            ("response_status", .optional(status)), ("response_body", .string(responseBody)),
            ("date", .string(TwilioDateFormat.iso8601String(from: date))),
        ])
    }
}
