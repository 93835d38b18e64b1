/// Recordings (API v2010): fetch, delete and list, list a call's recordings, and download the audio.
public struct RecordingsAPI: Sendable {
    let client: TwilioClient

    private var accountPath: String {
        "/2010-04-01/Accounts/\(TwilioRequest.segment(client.accountSID))"
    }

    private func path(_ sid: String) -> String {
        accountPath + "/Recordings/" + TwilioRequest.segment(sid)
    }

    /// Fetches a recording's metadata; `includeSoftDeleted` also finds one deleted in the last 40 days.
    public func fetch(_ sid: String, includeSoftDeleted: Bool? = nil) async throws(TwilioError) -> Recording {
        var query = FormParameters()
        query.add("IncludeSoftDeleted", includeSoftDeleted)
        return try await client.send(TwilioRequest(.get, .api, path(sid) + ".json", query: query))
    }

    /// Deletes a recording (its metadata stays listable as soft-deleted for 40 days).
    public func delete(_ sid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .api, path(sid) + ".json"))
    }

    /// Lists the account's recordings, newest first, page by page up to `limit`.
    public func list(_ filter: RecordingListFilter = .init(), limit: Int? = nil) -> TwilioList<Recording> {
        client.list(TwilioRequest(.get, .api, accountPath + "/Recordings.json", query: filter.query), limit: limit)
    }

    /// Lists the recordings of one call (`CA…`), page by page up to `limit`.
    public func list(forCall callSid: String, _ filter: CallRecordingListFilter = .init(), limit: Int? = nil) -> TwilioList<CallRecording> {
        let path = accountPath + "/Calls/" + TwilioRequest.segment(callSid) + "/Recordings.json"
        return client.list(TwilioRequest(.get, .api, path, query: filter.query), limit: limit)
    }

    /// Starts recording a call in progress (`CA…`); the recording's SID (`RE…`) controls it.
    /// Never retried after it may have reached Twilio.
    public func start(forCall callSid: String, _ parameters: CallRecordingStartParameters = .init()) async throws(TwilioError) -> CallRecording {
        let path = accountPath + "/Calls/" + TwilioRequest.segment(callSid) + "/Recordings.json"
        return try await client.send(TwilioRequest(.post, .api, path, form: parameters.form))
    }

    /// Pauses, resumes or stops (`status`) a recording of a call in progress.
    public func setStatus(_ status: CallRecordingStatusChange, recording sid: String, ofCall callSid: String) async throws(TwilioError) -> CallRecording {
        let path = accountPath + "/Calls/" + TwilioRequest.segment(callSid) + "/Recordings/" + TwilioRequest.segment(sid) + ".json"
        var form = FormParameters()
        form.add("Status", status)
        return try await client.send(TwilioRequest(.post, .api, path, form: form))
    }

    /// The URL of a recording's audio in `format` (fetching it needs the client's credentials).
    public func mediaURL(_ sid: String, format: RecordingFormat) -> String {
        client.configuration.endpoint.origin(of: .api) + path(sid) + "." + format.rawValue
    }

    /// Downloads a recording's audio in `format`.
    public func download(_ sid: String, format: RecordingFormat) async throws(TwilioError) -> RecordingMedia {
        let response: TwilioHTTPResponse = try await client.send(TwilioRequest(.get, .api, path(sid) + "." + format.rawValue))
        return RecordingMedia(bytes: response.body, contentType: response.header("Content-Type"))
    }
}

extension TwilioClient {
    /// Recordings and their audio.
    public var recordings: RecordingsAPI { RecordingsAPI(client: self) }
}
