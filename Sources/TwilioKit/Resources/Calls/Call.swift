import Foundation

/// A Call resource (API v2010, `CA…`), as Twilio returns it.
public struct Call: Codable, Sendable, Equatable {
    /// `CA…`.
    public var sid: String?
    /// When the resource was created.
    public var dateCreated: Date?
    /// When the resource was last updated.
    public var dateUpdated: Date?
    /// The call (`CA…`) that created this leg, if any.
    public var parentCallSid: String?
    /// The account (`AC…`) that owns the call.
    public var accountSid: String?
    /// The callee: phone number, SIP address, Client identifier or SIM SID.
    public var to: String?
    /// ``to`` formatted for display.
    public var toFormatted: String?
    /// The caller: phone number, SIP address, Client identifier or SIM SID.
    public var from: String?
    /// ``from`` formatted for display.
    public var fromFormatted: String?
    /// The IncomingPhoneNumber (inbound) or OutgoingCallerId (outbound) used (`PN…`).
    public var phoneNumberSid: String?
    /// The call's status.
    public var status: CallStatus?
    /// When the call started; absent until it has.
    public var startTime: Date?
    /// When the call ended; absent until it has.
    public var endTime: Date?
    /// The length in seconds, as Twilio sends it (a string); empty for unanswered or ongoing calls.
    public var duration: String?
    /// The charge, as Twilio sends it (a string such as `-0.03000`), in ``priceUnit``.
    public var price: String?
    /// An ISO 4217 currency code.
    public var priceUnit: String?
    /// Who started the call and how.
    public var direction: CallDirection?
    /// The answering machine detection result (`human`, `machine_start`, …) when detection ran.
    public var answeredBy: String?
    /// The API version used to create the call.
    public var apiVersion: String?
    /// The forwarding number of a forwarded inbound call, when the carrier tells it.
    public var forwardedFrom: String?
    /// The Group (`GP…`) the call belongs to.
    public var groupSid: String?
    /// The caller's CNAM name, for inbound calls with caller ID lookup enabled.
    public var callerName: String?
    /// The wait before the call was placed, in milliseconds, as Twilio sends it (a string).
    public var queueTime: String?
    /// The SIP trunk (`TK…`) the call went through.
    public var trunkSid: String?
    /// The resource's URI, relative to the API's origin.
    public var uri: String?
    /// The URIs of the call's subresources (recordings, notifications, …), by name.
    public var subresourceUris: [String: String]?

    /// ``duration`` as a number of seconds.
    public var durationSeconds: Int? { duration.flatMap { Int($0) } }
    /// ``price`` as an exact decimal.
    public var priceAmount: Decimal? { price.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
    /// ``queueTime`` as a number of milliseconds.
    public var queueTimeMilliseconds: Int? { queueTime.flatMap { Int($0) } }
}

/// A call's status.
public enum CallStatus: String, TwilioEnum {
    /// Waiting to be placed.
    case queued
    /// Ringing.
    case ringing
    /// Answered and ongoing.
    case inProgress = "in-progress"
    /// Answered and ended.
    case completed
    /// The callee was busy.
    case busy
    /// The call could not be placed.
    case failed
    /// Nobody answered.
    case noAnswer = "no-answer"
    /// Hung up while queued or ringing.
    case canceled
    /// A status this library does not know yet.
    case unknown
}

/// Who started a call and how.
public enum CallDirection: String, TwilioEnum {
    /// A call to one of the account's numbers.
    case inbound
    /// A call placed with the REST API.
    case outboundAPI = "outbound-api"
    /// A call placed by TwiML `<Dial>`.
    case outboundDial = "outbound-dial"
    /// An Elastic SIP Trunking call from the PSTN to your infrastructure.
    case trunkingOriginating = "trunking-originating"
    /// An Elastic SIP Trunking call from your infrastructure to the PSTN.
    case trunkingTerminating = "trunking-terminating"
    /// A direction this library does not know yet.
    case unknown
}
