import Foundation
import TwilioKit

/// A Verification (`VE…`): a code sent to `to`, pending until it is checked right, approved or
/// canceled by update, checked wrong five times (`max_attempts_reached`), or ten minutes old
/// (`expired`). Its status changes only through ``handle(_:now:)``, which runs its
/// ``VerificationLifecycle``.
struct VerificationRecord: StoredRecord {
    static let kind = "verification"

    /// One send of the code (`send_code_attempts`).
    struct SendAttempt: Codable, Sendable {
        let sid: String
        let channel: String
        let time: Date
    }

    /// How long a verification can be checked, as Twilio's Verify: ten minutes.
    static let lifetime: TimeInterval = 600
    /// Sends of one verification before 60203.
    static let maxSends = 5

    let sid: String
    let serviceSID: String
    let accountSID: String
    let to: String
    var channel: String
    private(set) var status = VerificationStatus.pending
    let code: String
    let amount: String?
    let payee: String?
    /// The `lookup` object: `{}`, or the carrier when the service does lookups.
    let lookup: SandboxJSON
    var sendAttempts: [SendAttempt] = []
    /// Wrong codes checked so far.
    private(set) var wrongChecks = 0
    var deliveries: [VerificationDelivery] = []
    let dateCreated: Date
    var dateUpdated: Date
    /// When a pending verification expires (the inspection API can bring it forward).
    var expiresAt: Date

    /// A new pending verification created at `date`, which expires ten minutes later.
    init(sid: String, serviceSID: String, accountSID: String, to: String, channel: String, code: String,
         amount: String?, payee: String?, lookup: SandboxJSON, date: Date) {
        self.sid = sid
        self.serviceSID = serviceSID
        self.accountSID = accountSID
        self.to = to
        self.channel = channel
        self.code = code
        self.amount = amount
        self.payee = payee
        self.lookup = lookup
        dateCreated = date
        dateUpdated = date
        expiresAt = date.addingTimeInterval(Self.lifetime)
    }

    /// Where the verification stands in its lifecycle.
    var lifecycle: VerificationLifecycle { VerificationLifecycle(status: status, wrongChecks: wrongChecks) }

    /// Moves the verification on with `event` and, when the lifecycle says to store it, applies the
    /// change: the only place a verification's status changes. An expired verification was last
    /// updated when it expired.
    mutating func handle(_ event: VerificationLifecycle.Event, now: Date) -> VerificationLifecycle.Action {
        var lifecycle = self.lifecycle
        let action = lifecycle.handle(event)
        guard action == .store else { return action }
        status = lifecycle.status
        wrongChecks = lifecycle.wrongChecks
        dateUpdated = event == .lifetimeOver ? expiresAt : now
        return action
    }

    /// The resource's absolute URL, as Twilio writes it in `url`.
    var url: String { "https://verify.twilio.com/v2/Services/\(serviceSID)/Verifications/\(sid)" }

    /// A date as Verify writes it (ISO 8601).
    private func date(_ value: Date) -> SandboxJSON { .string(TwilioDateFormat.iso8601String(from: value)) }

    /// The fields a Verification and its VerificationCheck both start with.
    private var commonFields: [(String, SandboxJSON)] {
        [
            ("sid", .string(sid)),
            ("service_sid", .string(serviceSID)),
            ("account_sid", .string(accountSID)),
            ("to", .string(to)),
            ("channel", .string(channel)),
            ("status", .string(status.rawValue)),
            ("valid", .bool(status == .approved)),
        ]
    }

    /// Twilio's JSON for the Verification resource.
    var json: SandboxJSON {
        .object(commonFields + [
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateUpdated)),
            ("lookup", lookup),
            ("amount", .optional(amount)),
            ("payee", .optional(payee)),
            ("send_code_attempts", .array(sendAttempts.map { attempt in
                .object([("time", date(attempt.time)), ("channel", .string(Self.attemptChannel(attempt.channel))),
                         ("attempt_sid", .string(attempt.sid))])
            })),
            ("sna", .null),
            ("url", .string(url)),
        ])
    }

    /// Twilio's JSON for a VerificationCheck of this verification.
    var checkJSON: SandboxJSON {
        .object(commonFields + [
            ("amount", .optional(amount)),
            ("payee", .optional(payee)),
            ("sna_attempts_error_codes", []),
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateUpdated)),
        ])
    }

    /// The channel as `send_code_attempts` writes it: `SMS`, `CALL`, `EMAIL`, but `whatsapp`.
    static func attemptChannel(_ channel: String) -> String {
        channel == "whatsapp" ? channel : channel.uppercased()
    }
}
