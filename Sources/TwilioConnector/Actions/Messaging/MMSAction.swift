import TwilioKit

extension MessagingActions {
    /// sendSMS's parameters, but the message always goes out as MMS (`SendAsMms` is implied).
    static let sendMMS = CoreAction(
        "sendMMS", title: "Send MMS",
        summary: "Send an MMS message: up to 10 media URLs and optional text, delivered as MMS even without media.",
        parameters: sendParameters.filter { $0.name != "SendAsMms" }, rules: sendRules
    ) { input, context throws(ActionFailure) in
        var parameters = createParameters(input)
        parameters.sendAsMMS = true
        return .message(try await twilio { () async throws(TwilioError) in try await context.client.messages.create(parameters) })
    }

    /// The send parameters called `names`, in their order there (shared by the other send actions).
    static func sendParameterSpecs(named names: Set<String>) -> [ParameterSpec] {
        sendParameters.filter { names.contains($0.name) }
    }
}
