import TwilioKit

extension MessagingActions {
    /// sendSMS's parameters, but the message always goes out as MMS (`SendAsMms` is implied).
    static let sendMMS = CoreAction(
        "sendMMS", title: "Send MMS",
        summary: "Send an MMS message: up to 10 media URLs and optional text, delivered as MMS even without media.",
        parameters: mmsParameters.specs() + [trackStatus], rules: sendRules
    ) { input, context throws(ActionFailure) in
        var parameters = tracked(mmsParameters.request(input, from: blankMessage), input, context)
        parameters.sendAsMMS = true
        return try await twilio { () async throws(TwilioError) in try await context.client.messages.create(parameters) }
    }

    static let mmsParameters = sendParameters.filter { $0.spec.name != "SendAsMms" }
}
