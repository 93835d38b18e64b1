import Foundation
import TwilioKit

/// A call the sandbox holds (API v2010 Call, `CA…`): outbound from the API, inbound to an owned
/// number, or a leg placed by `<Dial>`. Its status changes only through ``handle(_:now:)``, which
/// runs its ``CallLifecycle``.
struct CallRecord: StoredRecord {
    static let kind = "call"

    let sid: String
    let accountSID: String
    let parentCallSID: String?
    let to: String
    let from: String
    /// The IncomingPhoneNumber that placed or received the call.
    let phoneNumberSID: String?
    private(set) var status: CallStatus
    /// `outbound-api`, `inbound` or `outbound-dial`.
    let direction: CallDirection
    /// What runs once the call is answered (or, for an inbound call, once it rings).
    var instructions: TwiMLSource?
    var fallbackURL: String?
    var fallbackMethod = "POST"
    var statusCallback: String?
    var statusCallbackMethod = "POST"
    /// The progress events posted to ``statusCallback`` (`initiated`, `ringing`, `answered`, `completed`).
    let statusCallbackEvents: Set<String>
    /// Seconds the callee's phone may ring.
    let timeout: Int
    /// The longest the call may last, in seconds.
    var timeLimit: Int
    let machineDetection: String?
    var answeredBy: String?
    let forwardedFrom: String?
    let callerName: String?
    /// Whether the whole call is recorded (`Record=true`), and how.
    let recording: CallRecordingOptions?
    /// Where the API was reached (`http://host:port/api`): the base of the absolute URLs the
    /// call's webhooks carry (`RecordingUrl`).
    let apiOrigin: String
    let dateCreated: Date
    var dateUpdated: Date
    /// When dialing started (outbound) or the call arrived (inbound).
    var startTime: Date?
    var endTime: Date?
    /// When the call was answered.
    var answerTime: Date?
    /// Simulated seconds of conversation so far.
    var talkSeconds: Double = 0
    /// The `SequenceNumber` of the next status callback.
    var nextSequenceNumber = 0

    /// The handset on the other end: the callee of an outbound call, the caller of an inbound one.
    var handset: String { direction == .inbound ? from : to }

    /// Where the call stands in its lifecycle.
    var lifecycle: CallLifecycle { CallLifecycle(status: status) }

    /// Whether the call has ended.
    var isFinal: Bool { lifecycle.isFinal }

    /// Moves the call on with `event` and applies what the transition calls for: the only place a
    /// call's status changes.
    mutating func handle(_ event: CallLifecycle.Event, now: Date) -> CallLifecycle.Action {
        var lifecycle = self.lifecycle
        let action = lifecycle.handle(event)
        guard action != .ignore else { return action }
        status = lifecycle.status
        dateUpdated = now
        switch (action, event) {
        case (.startDialing, _):
            startTime = now
        case (.answer, .answered(let answeredBy)):
            answerTime = now
            self.answeredBy = answeredBy
        case (.end, _):
            endTime = now
        default:
            break
        }
        return action
    }

    /// Whether the call's status callback asked for the progress `event`.
    func asksFor(_ event: CallCreateParameters.StatusCallbackEvent) -> Bool {
        statusCallbackEvents.contains(event.rawValue)
    }

    /// Whole seconds of conversation, once the call has ended after being answered.
    var duration: Int? {
        guard isFinal, answerTime != nil else { return nil }
        return Int(talkSeconds.rounded(.up))
    }

    /// US per-minute rates, charged for answered calls.
    var price: String? {
        guard status == .completed, let duration else { return nil }
        let minutes = max(1, (duration + 59) / 60)
        let rate = direction == .inbound ? 0.0085 : 0.014
        return String(format: "-%.5f", rate * Double(minutes))
    }

    /// The resource's path below the API's domain.
    var uri: String { "/2010-04-01/Accounts/\(accountSID)/Calls/\(sid).json" }

    /// Twilio's JSON for the resource (`api.v2010.account.call`), every field present.
    var json: SandboxJSON {
        func date(_ value: Date?) -> SandboxJSON { value.map { .string(TwilioDateFormat.rfc2822String(from: $0)) } ?? .null }
        let base = "/2010-04-01/Accounts/\(accountSID)/Calls/\(sid)"
        let subresources = ["notifications": "Notifications", "recordings": "Recordings", "payments": "Payments",
                            "events": "Events", "siprec": "Siprec", "streams": "Streams", "transcriptions": "Transcriptions",
                            "user_defined_message_subscriptions": "UserDefinedMessageSubscriptions",
                            "user_defined_messages": "UserDefinedMessages"]
        let queueMilliseconds = startTime.map { max(0, Int($0.timeIntervalSince(dateCreated) * 1000)) }
        return .object([
            ("account_sid", .string(accountSID)),
            ("answered_by", .optional(answeredBy)),
            ("api_version", "2010-04-01"),
            ("caller_name", .optional(callerName)),
            ("date_created", date(dateCreated)),
            ("date_updated", date(dateUpdated)),
            ("direction", .string(direction.rawValue)),
            ("duration", .optional(duration.map(String.init))),
            ("end_time", date(endTime)),
            ("forwarded_from", .optional(forwardedFrom)),
            ("from", .string(from)),
            ("from_formatted", .string(Self.formatted(from))),
            ("group_sid", .null),
            ("parent_call_sid", .optional(parentCallSID)),
            ("phone_number_sid", .optional(phoneNumberSID)),
            ("price", .optional(price)),
            ("price_unit", "USD"),
            ("sid", .string(sid)),
            ("start_time", date(startTime)),
            ("status", .string(status.rawValue)),
            ("subresource_uris", .object(subresources.sorted { $0.key < $1.key }.map { ($0.key, .string("\(base)/\($0.value).json")) })),
            ("to", .string(to)),
            ("to_formatted", .string(Self.formatted(to))),
            ("trunk_sid", .null),
            ("uri", .string(uri)),
            ("queue_time", .string(String(queueMilliseconds ?? 0))),
        ])
    }

    /// `(415) 555-0100` for North American numbers; other addresses as they are.
    static func formatted(_ address: String) -> String {
        OwnedNumber.friendlyName(of: address)
    }
}
