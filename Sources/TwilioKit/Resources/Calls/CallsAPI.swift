/// Calls (API v2010): place, fetch, modify, hang up, delete and list.
public struct CallsAPI: Sendable {
    let client: TwilioClient

    private var collectionPath: String {
        "/2010-04-01/Accounts/\(TwilioRequest.segment(client.accountSID))/Calls"
    }

    private func path(_ sid: String) -> String {
        collectionPath + "/" + TwilioRequest.segment(sid) + ".json"
    }

    /// Places an outbound call. Never retried after it may have reached Twilio.
    public func create(_ parameters: CallCreateParameters) async throws(TwilioError) -> Call {
        try await client.send(TwilioRequest(.post, .api, collectionPath + ".json", form: parameters.form))
    }

    /// Fetches a call.
    public func fetch(_ sid: String) async throws(TwilioError) -> Call {
        try await client.send(TwilioRequest(.get, .api, path(sid)))
    }

    /// Modifies a live call: redirects it, ends it, or changes its callbacks or time limit.
    public func update(_ sid: String, _ parameters: CallUpdateParameters) async throws(TwilioError) -> Call {
        try await client.send(TwilioRequest(.post, .api, path(sid), form: parameters.form))
    }

    /// Hangs up a call in progress (`Status=completed`).
    public func hangUp(_ sid: String) async throws(TwilioError) -> Call {
        try await update(sid, CallUpdateParameters(status: .completed))
    }

    /// Cancels a queued or ringing call (`Status=canceled`).
    public func cancel(_ sid: String) async throws(TwilioError) -> Call {
        try await update(sid, CallUpdateParameters(status: .canceled))
    }

    /// Deletes a call from the account's logs.
    public func delete(_ sid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .api, path(sid)))
    }

    /// Lists calls, newest first, page by page up to `limit`.
    public func list(_ filter: CallListFilter = .init(), limit: Int? = nil) -> TwilioList<Call> {
        client.list(TwilioRequest(.get, .api, collectionPath + ".json", query: filter.query), limit: limit)
    }
}

extension TwilioClient {
    /// Calls.
    public var calls: CallsAPI { CallsAPI(client: self) }
}
