/// Messages (API v2010): send, fetch, update, delete and list; and each message's media.
public struct MessagesAPI: Sendable {
    let client: TwilioClient

    private var collectionPath: String {
        "/2010-04-01/Accounts/\(TwilioRequest.segment(client.accountSID))/Messages"
    }

    private func path(_ sid: String) -> String {
        collectionPath + "/" + TwilioRequest.segment(sid)
    }

    /// Sends (or schedules) a message. Never retried after it may have reached Twilio.
    public func create(_ parameters: MessageCreateParameters) async throws(TwilioError) -> Message {
        try await client.send(TwilioRequest(.post, .api, collectionPath + ".json", form: parameters.form))
    }

    /// Fetches a message.
    public func fetch(_ sid: String) async throws(TwilioError) -> Message {
        try await client.send(TwilioRequest(.get, .api, path(sid) + ".json"))
    }

    /// Cancels a scheduled message (`Status=canceled`).
    public func cancel(_ sid: String) async throws(TwilioError) -> Message {
        try await client.send(TwilioRequest(.post, .api, path(sid) + ".json", form: ["Status": "canceled"]))
    }

    /// Redacts a message's body (sets it to the empty string).
    public func redact(_ sid: String) async throws(TwilioError) -> Message {
        try await client.send(TwilioRequest(.post, .api, path(sid) + ".json", form: ["Body": ""]))
    }

    /// Deletes a message from the account's logs.
    public func delete(_ sid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .api, path(sid) + ".json"))
    }

    /// Lists messages, newest first, page by page up to `limit`.
    public func list(_ filter: MessageListFilter = .init(), limit: Int? = nil) -> TwilioList<Message> {
        client.list(TwilioRequest(.get, .api, collectionPath + ".json", query: filter.query), limit: limit)
    }

    /// Lists the media of a message.
    public func listMedia(_ messageSid: String, limit: Int? = nil) -> TwilioList<MessageMedia> {
        client.list(TwilioRequest(.get, .api, path(messageSid) + "/Media.json"), limit: limit)
    }

    /// Fetches one media item's metadata.
    public func fetchMedia(_ mediaSid: String, messageSid: String) async throws(TwilioError) -> MessageMedia {
        try await client.send(TwilioRequest(.get, .api, path(messageSid) + "/Media/" + TwilioRequest.segment(mediaSid) + ".json"))
    }

    /// Deletes one media item.
    public func deleteMedia(_ mediaSid: String, messageSid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .api, path(messageSid) + "/Media/" + TwilioRequest.segment(mediaSid) + ".json"))
    }

    /// The URL of a media item's content (fetching it needs the client's credentials).
    public func mediaContentURL(_ mediaSid: String, messageSid: String) -> String {
        client.configuration.endpoint.origin(of: .api) + path(messageSid) + "/Media/" + TwilioRequest.segment(mediaSid)
    }
}

extension TwilioClient {
    /// Messages and their media.
    public var messages: MessagesAPI { MessagesAPI(client: self) }
}
