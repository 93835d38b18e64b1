import TwilioKit

extension ComponentDialect {
    static let voiceActions: [DialectAction] = [
        // Seed 002 spells the ring timeout `timeout` (seconds, as Twilio's `Timeout`).
        action(VoiceActions.makeCallWithWorkflow, aliases: ["timeout": "Timeout"], outputSchema: placedCallSchema,
               example: ["To": "+14155559999", "From": "+15005550006", "subWorkflow": "echo", "timeout": 30, "maxDuration": 5],
               render: renderPlacedCall),
        callAction(VoiceActions.getCall, example: ["Sid": "CA00000000000000000000000000000000"]),
        action(VoiceActions.listCalls, outputSchema: listSchema("calls", item: callSchema),
               example: ["To": "+14155559999", "Status": "completed", "limit": 20]) { result in
            ModelRendering.list(result, key: "calls", style: renderCall)
        },
        action(VoiceActions.deleteCall, outputSchema: deletedSchema, example: ["Sid": "CA00000000000000000000000000000000"], render: renderDeleted),
        action(VoiceActions.downloadRecordingMedia, outputSchema: recordingMediaSchema,
               example: ["RecordingSid": "RE00000000000000000000000000000000", "Format": "mp3", "SaveTo": "/tmp/call.mp3"]) { media in
            [
                "recordingSid": .string(media.recordingSid), "format": .string(media.format.rawValue), "url": .string(media.url),
                "savedPath": media.savedPath.map(JSONValue.string) ?? .null,
                "byteCount": media.byteCount.map { .number(Double($0)) } ?? .null,
                "contentType": media.contentType.map(JSONValue.string) ?? .null,
            ]
        },
    ]

    private static func callAction(_ core: CoreAction<Call>, aliases: [String: String] = [:], example: JSONValue) -> DialectAction {
        action(core, aliases: aliases, outputSchema: callSchema, example: example, render: renderCall)
    }

    /// A call with seed 002's `callSid` and integer `duration`, plus every call field.
    static func renderCall(_ call: Call) -> [String: JSONValue] {
        var fields = ComponentRendering.render(call, phoneNumberFields: [])
        fields["callSid"] = call.sid.map(JSONValue.string) ?? .null
        fields["duration"] = call.durationSeconds.map { .number(Double($0)) } ?? .null
        return fields
    }

    /// makeCall's output: the call; with a real-time workflow, seed 002's final `status` (completed,
    /// failed, busy, no-answer, timeout), `duration` and `direction`, Twilio's own final
    /// `callStatus`, and the workflow's `result`.
    static func renderPlacedCall(_ placed: PlacedCall) -> [String: JSONValue] {
        var fields = renderCall(placed.call)
        fields["subWorkflow"] = placed.workflow.map(JSONValue.string) ?? .null
        guard let end = placed.end else { return fields }
        fields["status"] = .string(end.status)
        fields["callStatus"] = end.callStatus.map { .string($0.rawValue) } ?? .null
        fields["duration"] = end.duration.map { .number(Double($0)) } ?? fields["duration"]
        fields["direction"] = placed.call.direction.map { .string($0.rawValue) } ?? "outbound-api"
        fields["result"] = end.result
        return fields
    }

    /// makeCall's output: a call, and what a real-time workflow made of it.
    static let placedCallSchema: JSONValue = {
        guard case .object(var schema) = callSchema, case .object(var properties)? = schema["properties"] else { return callSchema }
        properties["subWorkflow"] = stringSchema
        properties["callStatus"] = stringSchema
        properties["result"] = anyObjectSchema
        schema["properties"] = .object(properties)
        return .object(schema)
    }()

    /// Seed 002's makeCall output (callSid, status, duration, direction) and the Call resource's fields.
    static let callSchema = objectSchema([
        "callSid": stringSchema, "status": stringSchema, "duration": integerSchema, "direction": stringSchema,
        "sid": stringSchema, "to": stringSchema, "toFormatted": stringSchema, "from": stringSchema, "fromFormatted": stringSchema,
        "parentCallSid": stringSchema, "accountSid": stringSchema, "phoneNumberSid": stringSchema,
        "dateCreated": dateTimeSchema, "dateUpdated": dateTimeSchema, "startTime": dateTimeSchema, "endTime": dateTimeSchema,
        "price": stringSchema, "currency": currencySchema, "answeredBy": stringSchema, "forwardedFrom": stringSchema,
        "callerName": stringSchema, "queueTime": stringSchema, "groupSid": stringSchema, "trunkSid": stringSchema,
        "apiVersion": stringSchema, "uri": stringSchema, "subresourceUris": anyObjectSchema,
    ])

    static let recordingMediaSchema = objectSchema([
        "recordingSid": stringSchema, "format": stringSchema, "url": stringSchema,
        "savedPath": stringSchema, "byteCount": integerSchema, "contentType": stringSchema,
    ])
}
