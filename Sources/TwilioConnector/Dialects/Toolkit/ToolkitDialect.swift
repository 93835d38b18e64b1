import TwilioKit

/// The agent toolkit dialect (seed 001, also the MCP tools): snake_case actions and parameters,
/// outputs `{success, error, <resource>}` whose resources have exactly the seed's fields.
enum ToolkitDialect {
    static let messageSid = "SM00000000000000000000000000000000"
    static let callSid = "CA00000000000000000000000000000000"

    static let actions: [DialectAction] = [
        action("send_message", MessagingActions.sendSMS, .resource("message", .message), hidden: Set(MessagingActions.selects.map(\.name)),
               example: ["to": "+14155559999", "from_number": "+15005550006", "body": "Hello from an agent"]),
        action("make_phone_call", VoiceActions.makeCall, .resource("call", .call),
               example: ["to": "+14155559999", "from_number": "+15005550006", "say": "Your order has shipped."]),
        action("get_message", MessagingActions.getMessage, .resource("message", .message), names: ["Sid": "message_sid"],
               example: ["message_sid": .string(messageSid)]),
        action("delete_message", MessagingActions.deleteMessage, .none, names: ["Sid": "message_sid"],
               example: ["message_sid": .string(messageSid)]),
        action("list_messages", MessagingActions.listMessages, .list("messages", .message), example: ["to": "+14155559999", "limit": 20]),
        action("list_message_media", MessagingActions.listMessageMedia, .list("media", .media),
               example: ["message_sid": "MM00000000000000000000000000000000"]),
        action("get_call", VoiceActions.getCall, .resource("call", .call), names: ["Sid": "call_sid"], example: ["call_sid": .string(callSid)]),
        action("delete_call", VoiceActions.deleteCall, .none, names: ["Sid": "call_sid"], example: ["call_sid": .string(callSid)]),
        action("list_calls", VoiceActions.listCalls, .list("calls", .call), example: ["status": "completed", "limit": 20]),
        action("download_recording_media", VoiceActions.downloadRecordingMedia,
               .fields([.init("download_url"), .init("recording_sid"), .init("format")]),
               hidden: ["SaveTo", "Overwrite"], example: ["recording_sid": "RE00000000000000000000000000000000", "format": "mp3"]),
        action("phone_number_lookup", LookupActions.lookupPhoneNumber, .resource("lookup", .lookup),
               prepare: { input in
                   var input = input
                   input["Fields"] = input["Fields"] ?? ["line_type_intelligence"]
                   return input
               },
               example: ["phone_number": "+14155552671"]),
        action("send_sms_verification", VerifyActions.sendVerification, .resource("verification", .verification),
               hidden: ["Channel", "ChannelConfiguration"],
               example: ["service_sid": "VA00000000000000000000000000000000", "to": "+14155559999"]),
        action("check_verification_token", VerifyActions.checkVerification, .resource("verification", .verification),
               example: ["service_sid": "VA00000000000000000000000000000000", "to": "+14155559999", "code": "123456"]),
        action("create_verification_service", VerifyActions.createVerificationService, .resource("service", .verificationService),
               example: ["friendly_name": "Acme sign-in", "code_length": 6]),
        action("list_transcripts", IntelligenceActions.listTranscripts, .list("transcripts", .transcript), example: ["limit": 10]),
        action("get_transcripts", IntelligenceActions.getTranscripts, .all("transcripts", .transcript),
               example: ["transcript_sids": ["GT00000000000000000000000000000000"]]),
        action("list_phone_numbers", PhoneNumberActions.listPhoneNumbers, .list("phone_numbers", .phoneNumber), example: [:]),
        // Not in seed 001: sendBulkSMS, named and shaped the toolkit's way (also the MCP tool).
        action("send_bulk_sms", MessagingActions.sendBulkSMS, .bulkReport,
               example: ["recipients": ["+14155550101", "+14155550102"], "from_number": "+15005550006", "body": "Flash sale today"]),
    ]

    /// A toolkit action: parameters in snake_case (`From` is `from_number`, like the seed's outputs,
    /// and `from_` — the Python SDK's spelling — is accepted too).
    private static func action<Output>(_ name: String, _ core: CoreAction<Output>, _ output: ToolkitOutput<Output>, names overrides: [String: String] = [:],
                               hidden: Set<String> = [], prepare: @escaping @Sendable ([String: JSONValue]) -> [String: JSONValue] = { $0 },
                               example: JSONValue) -> DialectAction {
        let names = ParameterNaming.names(of: core.signature, style: ParameterNaming.snakeCase, overrides: ["From": "from_number"].merging(overrides) { $1 })
        let offersFrom = core.signature.parameters.contains { $0.name == "From" }
        return DialectAction(name, dialect: .toolkit, core: core, parameterNames: names, hidden: hidden,
                             prepare: { input in
                                 var input = input
                                 if offersFrom, input["From"] == nil, let from = input.removeValue(forKey: "from_") { input["From"] = from }
                                 return prepare(input)
                             },
                             outputSchema: output.schema(action: name), example: example, render: output.render)
    }
}
