import TwilioKit

extension CallSimulator {
    /// UpdateCall: `Status=canceled` cancels a queued or ringing call, `Status=completed` hangs
    /// up any live call; `Url`/`Twiml` redirect a live call to new TwiML (`Twiml` is ignored
    /// when `Url` is given, as Twilio documents); the callbacks and time limit can change.
    func update(_ sid: String, form: FormParameters, accountSID: String) async throws(SandboxError) -> CallRecord {
        let notFound = SandboxError.notFound("/2010-04-01/Accounts/\(accountSID)/Calls/\(sid).json")
        guard await calls.call(sid, accountSID: accountSID) != nil else { throw notFound }
        let status = try form.oneOf("Status", [CallUpdateParameters.Status.canceled, .completed])
        let redirect = try Self.redirect(form)
        let fallbackURL = try CallCreateRequest.url(form, "FallbackUrl", code: 21205)
        let fallbackMethod = try CallCreateRequest.method(form, "FallbackMethod")
        let statusCallback = try CallCreateRequest.url(form, "StatusCallback", code: 21609)
        let statusCallbackMethod = try CallCreateRequest.method(form, "StatusCallbackMethod")
        let timeLimit = try form.int("TimeLimit", in: 1...86_400)
        await calls.update(sid) { call in
            if let fallbackURL { call.fallbackURL = fallbackURL }
            if let fallbackMethod { call.fallbackMethod = fallbackMethod }
            if let statusCallback { call.statusCallback = statusCallback }
            if let statusCallbackMethod { call.statusCallbackMethod = statusCallbackMethod }
            if let timeLimit { call.timeLimit = timeLimit }
        }
        if let status { return try await hangUp(sid, accountSID: accountSID, requested: status, notFound: notFound) }
        if let redirect {
            switch await calls.redirect(sid, accountSID: accountSID, to: redirect) {
            case .replaced, .redirected: break
            case .notLive: throw SandboxError(.badRequest, code: 21220, "Call is not in-progress. Cannot redirect.")
            case .notFound: throw notFound
            }
            await calls.log(sid, CallEvent("redirected", [("by", "UpdateCall")]))
        }
        guard let call = await calls.call(sid, accountSID: accountSID) else { throw notFound }
        return call
    }

    /// `Url` (with `Method`) or `Twiml`, if either is given.
    private static func redirect(_ form: FormParameters) throws(SandboxError) -> TwiMLSource? {
        if let url = try CallCreateRequest.url(form, "Url", code: 21205) {
            return .url(url, method: try CallCreateRequest.method(form, "Method") ?? "POST")
        }
        guard let twiml = form.first("Twiml"), !twiml.isEmpty else { return nil }
        guard twiml.count <= 4000 else {
            throw SandboxError(.badRequest, code: 20001, "Twiml is \(twiml.count) characters long: at most 4000 are allowed")
        }
        return .inline(twiml)
    }

    /// Ends the call as `Status` asks (see ``CallLifecycle``): a queued or ringing call is
    /// canceled by either status, an answered one completed only by `completed`; an ended call
    /// stays as it is. The `completed` callback goes out in the background.
    private func hangUp(_ sid: String, accountSID: String, requested: CallUpdateParameters.Status,
                        notFound: SandboxError) async throws(SandboxError) -> CallRecord {
        guard let call = await calls.call(sid, accountSID: accountSID) else { throw notFound }
        guard let ended = await calls.handle(sid, .ended(.hangUpRequested(requested))) else { return call }
        let simulator = self
        environment.background.run { await simulator.perform(ended.action, on: ended.call) }
        return ended.call
    }
}
