import TwilioKit

/// Seed 000's output tables: the flat fields each block answers, read from the camelCase rendering
/// of a TwilioKit model, with the tables' descriptions.
enum BlockOutputs {
    /// twilio_make_call.
    static let call: [OutputField] = [
        .init("callSid", from: "sid", "Unique identifier for the call"),
        .init("status", "Call status (queued, ringing, in-progress, completed)"),
        .init("direction", "Call direction (outbound-api)"),
        .init("from", "Phone number the call is from"),
        .init("to", "Phone number the call is to"),
        .init("duration", .number, "Call duration in seconds"),
        .init("price", "Cost of the call"),
        .init("priceUnit", "Currency of the price"),
    ]

    /// twilio_get_call, and each call of twilio_list_calls.
    static let callDetails: [OutputField] = [
        .init("callSid", from: "sid", "Unique identifier for the call"),
        .init("from", "Phone number the call originated from"),
        .init("to", "Phone number called"),
        .init("status", "Call status"),
        .init("direction", "Call direction (inbound, outbound-api, etc.)"),
        .init("duration", .number, "Call duration in seconds"),
        .init("price", "Cost of the call"),
        .init("priceUnit", "Currency of the price"),
        .init("startTime", "Call start time"),
        .init("endTime", "Call end time"),
        .init("dateCreated", "When the call resource was created"),
        .init("dateUpdated", "When the call resource was last updated"),
        .init("answeredBy", "How the call was answered (human, machine)"),
        .init("forwardedFrom", "Phone number the call was forwarded from"),
    ]

    /// twilio_send_mms and twilio_send_whatsapp.
    static let mediaMessage: [OutputField] = [
        .init("messageId", from: "sid", "Unique Twilio message identifier (SID)"),
        .init("status", "Message delivery status from Twilio"),
        .init("numMedia", .number, "Number of media files attached"),
    ]

    /// twilio_lookup_phone_number; `carrier` is the line type intelligence package.
    static let lookup: [OutputField] = [
        .init("phoneNumber", "Phone number in E.164 format"),
        .init("nationalFormat", "Phone number in national format"),
        .init("countryCode", "ISO country code"),
        .init("carrier", .json, from: "lineTypeIntelligence", "Carrier information if requested"),
        .init("callerName", .json, "Caller name information if requested"),
        .init("valid", .boolean, "Whether the phone number is valid"),
        .init("validationErrors", .json, "Validation error details"),
        .init("url", "The URL of this phone number resource"),
    ]

    /// twilio_check_verification.
    static let verificationCheck: [OutputField] = [
        .init("sid", "Verification SID"),
        .init("status", "Verification status (pending, approved)"),
        .init("to", "Recipient phone number or email"),
        .init("channel", "Channel used (sms, call, email)"),
        .init("valid", .boolean, "Whether the verification code was valid"),
    ]

    /// twilio_send_verification.
    static let verification: [OutputField] = verificationCheck + [
        .init("sendCodeAttempts", .json, "Information about the code delivery attempts"),
    ]

    /// twilio_send_sms, for one recipient (also each item of `results`).
    static let smsRecipient: [OutputField] = [
        .init("messageId", "Unique Twilio message identifier (SID)"),
        .init("status", "Message delivery status from Twilio"),
        .init("fromNumber", "Phone number message was sent from"),
        .init("toNumber", "Phone number message was sent to"),
    ]

    /// twilio_send_sms's fields about the whole send.
    static let smsTotals: [OutputField] = [
        .init("results", .json, "Every number: toNumber, success, messageId, status, error, errorCode"),
        .init("sentCount", .integer, "Numbers the message was sent to"),
        .init("failedCount", .integer, "Numbers it was not sent to (invalid or refused)"),
    ]

    /// twilio_list_calls.
    static let callList: [OutputField] = [
        .init("calls", .json, "Array of call records"),
        .init("total", .number, "Total number of calls returned"),
        .init("pageSize", .number, "Number of calls per page"),
        .init("page", .number, "Current page number"),
        .init("nextPageUri", "URI for the next page of results (absolute, null on the last page)"),
        .init("hasMore", .boolean, "Whether more calls match than were returned"),
    ]
}
