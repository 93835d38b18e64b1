import Foundation
import TwilioKit

/// One webhook the sandbox posted, and what came back.
struct WebhookDelivery: Sendable {
    let url: String
    /// `GET` or `POST`.
    let method: String
    /// The form parameters, in the order they were sent.
    let parameters: [(String, String)]
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
            ("signature", .string(signature)), ("idempotency_token", .string(idempotencyToken)),
            ("response_status", .optional(status)), ("response_body", .string(responseBody)),
            ("date", .string(TwilioDateFormat.iso8601String(from: date))),
        ])
    }
}
