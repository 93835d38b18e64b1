/// The account's phone numbers (API v2010 IncomingPhoneNumbers): list, fetch and configure.
public struct IncomingPhoneNumbersAPI: Sendable {
    let client: TwilioClient

    private var collectionPath: String {
        "/2010-04-01/Accounts/\(TwilioRequest.segment(client.accountSID))/IncomingPhoneNumbers"
    }

    private func path(_ sid: String) -> String {
        collectionPath + "/" + TwilioRequest.segment(sid) + ".json"
    }

    /// Lists the account's numbers, page by page up to `limit`.
    public func list(_ filter: IncomingPhoneNumberListFilter = .init(), limit: Int? = nil) -> TwilioList<IncomingPhoneNumber> {
        client.list(TwilioRequest(.get, .api, collectionPath + ".json", query: filter.query), limit: limit)
    }

    /// Fetches a number (`PN…`).
    public func fetch(_ sid: String) async throws(TwilioError) -> IncomingPhoneNumber {
        try await client.send(TwilioRequest(.get, .api, path(sid)))
    }

    /// Changes a number's webhooks, applications, description or owner.
    public func update(_ sid: String, _ parameters: IncomingPhoneNumberUpdateParameters) async throws(TwilioError) -> IncomingPhoneNumber {
        try await client.send(TwilioRequest(.post, .api, path(sid), form: parameters.form))
    }
}

extension TwilioClient {
    /// The account's phone numbers.
    public var incomingPhoneNumbers: IncomingPhoneNumbersAPI { IncomingPhoneNumbersAPI(client: self) }
}
