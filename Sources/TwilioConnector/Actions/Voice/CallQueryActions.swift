import TwilioKit

extension VoiceActions {
    static let callSid = ParameterSpec("Sid", .string(.sid("CA")), required: true, "The call SID (CA…).")

    static let getCall = CoreAction(
        "getCall", title: "Get Call", summary: "Fetch one call by its SID.", parameters: [callSid]
    ) { input, context throws(ActionFailure) in
        let sid = try input.required("Sid")
        return try await twilio { () async throws(TwilioError) in try await context.client.calls.fetch(sid) }
    }

    static let deleteCall = CoreAction(
        "deleteCall", title: "Delete Call", summary: "Delete a call from the account's logs.", parameters: [callSid]
    ) { input, context throws(ActionFailure) in
        let sid = try input.required("Sid")
        try await twilio { () async throws(TwilioError) in try await context.client.calls.delete(sid) }
        return DeletedResource(sid: sid)
    }

    static let listCallsParameters: [ParameterSpec] = [
        .init("To", .string(.address), "Only calls to this number, client:… or sip:… address."),
        .init("From", .string(.address), "Only calls from this number, client:… or sip:… address."),
        .init("Status", .choice(CallStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)), "Only calls with this status."),
        .init("ParentCallSid", .string(.sid("CA")), "Only the legs created by this call."),
    ] + DateRangeFilter.parameters("StartTime", "started") + DateRangeFilter.parameters("EndTime", "ended") + [
        .init("limit", .integer(1...10_000), default: 50, "The most calls to return (default 50)."),
    ]

    static let listCalls = CoreAction(
        "listCalls", title: "List Calls",
        summary: "List calls, newest first, optionally filtered by number, status, parent call or start and end dates.",
        parameters: listCallsParameters, rules: DateRangeFilter.rules("StartTime") + DateRangeFilter.rules("EndTime")
    ) { input, context throws(ActionFailure) in
        let filter = CallListFilter(
            to: input.string("To"), from: input.string("From"), parentCallSid: input.string("ParentCallSid"),
            status: input.string("Status").flatMap(CallStatus.init(rawValue:)),
            startTime: DateRangeFilter.filter(input, "StartTime"), endTime: DateRangeFilter.filter(input, "EndTime"))
        return try await collect({ context.client.calls.list(filter, limit: $0) }, limit: input.int("limit") ?? context.defaultListLimit)
    }
}
