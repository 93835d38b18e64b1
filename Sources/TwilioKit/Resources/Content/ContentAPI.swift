/// Content API v1: message templates.
public struct ContentAPI: Sendable {
    let client: TwilioClient

    /// Lists the account's Content templates, page by page up to `limit`.
    /// - Parameter pageSize: Templates per page (1…1000); by default set from `limit`.
    public func list(pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<ContentTemplate> {
        var query = FormParameters()
        query.add("PageSize", pageSize)
        return client.list(TwilioRequest(.get, .content, "/v1/Content", query: query), limit: limit)
    }

    /// Fetches a Content template (`HX…`).
    public func fetch(_ sid: String) async throws(TwilioError) -> ContentTemplate {
        try await client.send(TwilioRequest(.get, .content, "/v1/Content/" + TwilioRequest.segment(sid)))
    }
}

extension TwilioClient {
    /// Content API v1.
    public var content: ContentAPI { ContentAPI(client: self) }
}
