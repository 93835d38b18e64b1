import TwilioKit

/// The workflow block dialect (seed 000): `twilio_<action>` names, camelCase parameters
/// (`accountSid`/`authToken` per call are taken by ``ConnectionResolver``), flat outputs.
enum BlockDialect {
    static let actions: [DialectAction] = [
        action("twilio_send_sms", MessagingActions.sendBulkSMS,
               names: ["Recipients": "phoneNumbers", "Body": "message", "From": "fromNumber"],
               defaults: ["Concurrency": 1],
               outputSchema: BlockRendering.schema(BlockOutputs.smsRecipient + BlockOutputs.smsTotals),
               example: ["phoneNumbers": "+14155559999\n+14155559998", "message": "Hello from a workflow", "fromNumber": "+15005550006"],
               render: BlockRendering.sms),
        flat("twilio_make_call", VoiceActions.makeCall, BlockOutputs.call,
             example: ["to": "+14155559999", "from": "+15005550006", "url": "https://demo.twilio.com/docs/voice.xml"]),
        flat("twilio_send_mms", MessagingActions.sendMMS, BlockOutputs.mediaMessage,
             example: ["to": "+14155559999", "from": "+15005550006", "body": "Here is the map", "mediaUrl": "https://demo.twilio.com/owl.png"]),
        flat("twilio_send_whatsapp", MessagingActions.sendWhatsAppMessage, BlockOutputs.mediaMessage,
             example: ["to": "whatsapp:+14155559999", "from": "whatsapp:+15005550006", "body": "Your table is ready"]),
        flat("twilio_lookup_phone_number", LookupActions.lookupPhoneNumber, BlockOutputs.lookup, names: ["Fields": "type"],
             prepare: lookupTypes, example: ["phoneNumber": "+14155552671", "type": "carrier"]),
        flat("twilio_send_verification", VerifyActions.sendVerification, BlockOutputs.verification,
             example: ["to": "+14155559999", "channel": "sms", "serviceSid": "VA00000000000000000000000000000000"]),
        flat("twilio_check_verification", VerifyActions.checkVerification, BlockOutputs.verificationCheck,
             example: ["to": "+14155559999", "code": "123456", "serviceSid": "VA00000000000000000000000000000000"]),
        flat("twilio_get_call", VoiceActions.getCall, BlockOutputs.callDetails, names: ["Sid": "callSid"],
             example: ["callSid": "CA00000000000000000000000000000000"]),
        action("twilio_list_calls", VoiceActions.listCalls, outputSchema: BlockRendering.schema(BlockOutputs.callList),
               example: ["status": "completed", "startTime": "2030-01-31"], render: BlockRendering.callList),
    ]

    /// A block whose output is `fields` of the outcome's model.
    private static func flat<Model: Encodable>(_ name: String, _ core: CoreAction<Model>, _ fields: [OutputField], names: [String: String] = [:],
                             prepare: @escaping @Sendable ([String: JSONValue]) -> [String: JSONValue] = { $0 },
                             example: JSONValue) -> DialectAction {
        action(name, core, names: names, prepare: prepare, outputSchema: BlockRendering.schema(fields), example: example,
               render: BlockRendering.flat(fields))
    }

    /// A block: the core's parameters in camelCase unless `names` (core → block) says otherwise.
    private static func action<Output>(_ name: String, _ core: CoreAction<Output>, names: [String: String] = [:],
                               defaults: [String: JSONValue] = [:],
                               prepare: @escaping @Sendable ([String: JSONValue]) -> [String: JSONValue] = { $0 },
                               outputSchema: JSONValue, example: JSONValue,
                               render: @escaping @Sendable (Output) -> [String: JSONValue]) -> DialectAction {
        DialectAction(name, dialect: .block, core: core,
                      parameterNames: ParameterNaming.names(of: core.signature, style: ParameterNaming.camelCase, overrides: names),
                      extra: credentials, defaults: defaults, prepare: prepare, outputSchema: outputSchema, example: example, render: render)
    }

    /// Seed 000's per-call credentials, in every block's schema; ``ConnectionResolver`` takes them
    /// before validation.
    static let credentials: [DialectParameter] = [
        DialectParameter(described: ParameterSpec(
            "accountSid", .string(.sid("AC")), "The Account SID this call acts on, with authToken; without both, the default connection.")),
        DialectParameter(described: ParameterSpec("authToken", .string(.nonEmpty), "The Auth Token of accountSid (never echoed).")),
    ]

    /// The lookup's `type` as Lookup v1 spelled it (`carrier`, `caller-name`) → Lookup v2's data packages.
    @Sendable private static func lookupTypes(_ input: [String: JSONValue]) -> [String: JSONValue] {
        guard let types = input["Fields"]?.stringItems else { return input }
        let packages = ["carrier": "line_type_intelligence", "caller-name": "caller_name", "callername": "caller_name"]
        var input = input
        input["Fields"] = .array(types.map { .string(packages[$0.lowercased()] ?? $0) })
        return input
    }
}
