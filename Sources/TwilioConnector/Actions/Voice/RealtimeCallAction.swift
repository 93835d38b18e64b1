import TwilioKit

extension VoiceActions {
    /// Seed 002's parameters of a call whose audio a real-time workflow handles.
    static let workflowParameters: [ParameterSpec] = [
        .init("subWorkflow", .string(.nonEmpty),
              "The real-time workflow that handles the call's audio while it lasts (a name from the workflows file, or echo, play, record, menu); the action returns when the call ends."),
        .init("maxDuration", .number(0.001...1440),
              "With subWorkflow: the longest to wait for the call to end, in minutes; then the call is hung up and the status is timeout."),
    ]

    /// makeCall as seed 002 documents it: it also places a call whose audio a real-time workflow
    /// handles (`subWorkflow`), waits until the call ends, and answers its final status, duration
    /// and the workflow's result.
    static let makeCallWithWorkflow = CoreAction(
        "makeCall", title: "Make Outbound Call",
        summary: "Place a call that runs a real-time workflow during the call (subWorkflow: the action returns when the call ends), speaks text, runs TwiML, runs the TwiML of a URL or hands the call to an Application.",
        parameters: addressParameters.specs() + workflowParameters + instructionParameters + callbackParameters.specs() + recordingParameters.specs(),
        rules: makeCallRules(sources: ["subWorkflow", "Say", "Twiml", "Url", "ApplicationSid"])
            + [.requires("maxDuration", ["subWorkflow"]), .atMostOne(["subWorkflow", "StatusCallback"])]
    ) { input, context throws(ActionFailure) in
        guard let workflow = input.string("subWorkflow") else {
            return PlacedCall(call: try await makeCall.perform(input, context), workflow: nil, end: nil)
        }
        return try await placeRealtimeCall(workflow, input, context)
    }

    /// Places a call that streams to `workflow` (refused before anything is dialled when the
    /// workflow does not exist or the connector cannot be reached), then waits for it to end.
    private static func placeRealtimeCall(_ workflow: String, _ input: ActionInput, _ context: ActionContext) async throws(ActionFailure) -> PlacedCall {
        var checks = ValueChecks()
        checkSendDigits(input, &checks)
        guard let realtime = context.realtime else {
            throw .other("subWorkflow runs a real-time workflow during the call, which needs the connector's routes for Twilio's media stream: "
                         + "run makeCall through `twilio-connector serve`, `run` or `mcp`. Nothing was dialled.")
        }
        let names = realtime.workflowNames
        checks.expect(names.contains(workflow), "subWorkflow",
                      "names no real-time workflow; the workflows are \(names.joined(separator: ", "))", value: workflow)
        try checks.finish()
        let plan = try await realtime.prepareCall(workflow: workflow, from: try input.required("From"), to: try input.required("To"),
                                                  client: context.client)
        let call: Call
        do {
            call = try await create(input, context, instructions: .twiml(plan.twiml)) { parameters in
                parameters.statusCallback = plan.statusCallback
                parameters.statusCallbackEvents = CallCreateParameters.StatusCallbackEvent.allCases
                parameters.statusCallbackMethod = .post
            }
        } catch {
            await realtime.abandon(plan)
            throw error
        }
        guard let sid = call.sid else {
            await realtime.abandon(plan)
            throw .other("Twilio created the call without a SID; it cannot be followed.")
        }
        let maxDuration = input.double("maxDuration").map { Duration.milliseconds(Int64(($0 * 60_000).rounded())) }
        let end = await realtime.awaitEnd(of: sid, plan: plan, client: context.client, maxDuration: maxDuration)
        return PlacedCall(call: end.call ?? call, workflow: workflow, end: end)
    }
}
