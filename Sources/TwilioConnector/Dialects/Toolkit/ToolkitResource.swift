/// One object shape of seed 001's `$defs` (`MessageResource`, `CallResource`, …): its title and
/// exactly its properties, read from the snake_case rendering of a TwilioKit model.
struct ToolkitResource: Sendable {
    /// The shape's name in `$defs`.
    let title: String
    /// Its properties, in the seed's order.
    let fields: [OutputField]

    static let message = ToolkitResource(title: "MessageResource", fields: [
        .init("sid"), .init("date_created"), .init("date_updated"), .init("date_sent"), .init("account_sid"), .init("to"),
        .init("from_number", from: "from"), .init("body"), .init("status"), .init("num_segments"), .init("num_media"),
        .init("direction"), .init("price"), .init("price_unit"), .init("error_code", .integer), .init("error_message"), .init("uri"),
    ])

    static let media = ToolkitResource(title: "MediaResource", fields: [
        .init("sid"), .init("content_type"), .init("date_created"), .init("date_updated"), .init("uri"),
    ])

    static let call = ToolkitResource(title: "CallResource", fields: [
        .init("sid"), .init("date_created"), .init("date_updated"), .init("account_sid"), .init("to"), .init("to_formatted"),
        .init("from_number", from: "from"), .init("from_formatted"), .init("status"), .init("start_time"), .init("end_time"),
        .init("duration"), .init("price"), .init("price_unit"), .init("direction"), .init("uri"),
    ])

    /// Lookup v2's answer; line type and carrier come from the line type intelligence package.
    static let lookup = ToolkitResource(title: "LookupResult", fields: [
        .init("phone_number"), .init("country_code"), .init("calling_country_code"), .init("national_format"),
        .init("valid", .boolean), .init("validation_errors", .strings),
        .init("line_type", from: "line_type_intelligence.type"), .init("carrier_name", from: "line_type_intelligence.carrier_name"),
    ])

    static let verification = ToolkitResource(title: "VerificationResource", fields: [
        .init("sid"), .init("service_sid"), .init("account_sid"), .init("to"), .init("channel"), .init("status"),
        .init("valid", .boolean), .init("date_created"), .init("date_updated"),
    ])

    static let verificationService = ToolkitResource(title: "VerificationServiceResource", fields: [
        .init("sid"), .init("account_sid"), .init("friendly_name"), .init("code_length", .integer), .init("lookup_enabled", .boolean),
        .init("date_created"), .init("date_updated"),
    ])

    static let transcriptSentence = ToolkitResource(title: "TranscriptSentence", fields: [
        .init("media_channel", .integer), .init("sentence_index", .integer), .init("start_time", .number), .init("end_time", .number),
        .init("transcript"), .init("confidence", .number),
    ])

    /// A transcript; `sentences` and `transcript_text` are filled when the sentences were fetched.
    static let transcript = ToolkitResource(title: "TranscriptResource", fields: [
        .init("sid"), .init("account_sid"), .init("service_sid"), .init("status"), .init("date_created"), .init("date_updated"),
        .init("duration", .integer), .init("channel"),
        .init("sentences", .objects(title: transcriptSentence.title, fields: transcriptSentence.fields)), .init("transcript_text"),
    ])

    static let phoneNumber = ToolkitResource(title: "PhoneNumberInfo", fields: [
        .init("sid"), .init("phone_number"), .init("friendly_name"),
    ])
}
