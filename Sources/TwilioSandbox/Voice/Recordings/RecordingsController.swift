import Hummingbird

/// `/2010-04-01/Accounts/{AccountSid}/Recordings…` (fetch, delete, list, media) and
/// `/Calls/{CallSid}/Recordings…` (a call's recordings).
struct RecordingsController {
    let voice: VoiceFacade

    /// Recordings by `{Sid}`, within the path's account; deleted ones only when `includeDeleted`.
    private func recordings(includeDeleted: Bool = false) -> ResourceRoutes<RecordingRecord> {
        ResourceRoutes(api: .v2010, sidParameter: "Sid", notFound: .twilioPath) { [voice] sid, account in
            await voice.recording(sid, accountSID: account, includeDeleted: includeDeleted)
        }
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("Recordings.json", use: list)
        group.get("Recordings/{Sid}.json", use: fetch)
        group.delete("Recordings/{Sid}.json", use: recordings().delete { [voice] in await voice.delete($0) })
        group.get("Recordings/{Sid}.wav", use: media)
        group.get("Recordings/{Sid}.mp3", use: mp3)
        group.get("Recordings/{Sid}", use: media)
        group.get("Calls/{CallSid}/Recordings.json", use: listForCall)
        group.get("Calls/{CallSid}/Recordings/{Sid}.json", use: fetchForCall)
        group.delete("Calls/{CallSid}/Recordings/{Sid}.json", use: deleteForCall)
    }

    /// ListRecording: `CallSid`, `DateCreated` (with `<` and `>`), `IncludeSoftDeleted`, paged; the
    /// sandbox has no conferences, so a `ConferenceSid` filter matches nothing.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        // Parsed first, and awaited outside any conditional expression: a `try` or an `await` in a
        // ternary's branch crashes Swift 6.3's optimiser (coroutine splitting) in release builds.
        let created = try DateFilterRange(query, name: "DateCreated")
        let includeDeleted = try query.bool("IncludeSoftDeleted") ?? false
        var found: [RecordingRecord] = []
        if query.first("ConferenceSid") == nil {
            found = await voice.recordings(accountSID: account, callSID: query.first("CallSid"), created: created,
                                           includeDeleted: includeDeleted)
        }
        return try TwilioAPI.v2010.page(found.map(\.json), key: "recordings",
                                        path: "/2010-04-01/Accounts/\(account)/Recordings.json", request: request)
    }

    /// FetchRecording; a deleted one with `IncludeSoftDeleted=true`.
    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let includeDeleted = try request.query.bool("IncludeSoftDeleted") ?? false
        return SandboxResponse.json(try await recordings(includeDeleted: includeDeleted).record(request, context).json)
    }

    /// The audio: a WAV of the recording's length (also without an extension, as Twilio serves it):
    /// what the application streamed to the call, or a tone.
    @Sendable func media(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let recording = try await recordings().record(request, context)
        return SandboxResponse.bytes(recording.wav, contentType: WAVEncoder.contentType)
    }

    /// MP3 needs an encoder the sandbox does not have: it answers 404 rather than mislabelled audio.
    @Sendable func mp3(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let recording = try await recordings().record(request, context)
        throw SandboxError(.notFound, code: 20404,
                           "The sandbox serves recordings as WAV only: fetch \(recording.mediaURL).wav (or without an extension)")
    }

    /// A call's recordings: `DateCreated` (with `<` and `>`), paged.
    @Sendable func listForCall(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let callSID = try context.parameters.require("CallSid")
        let created = try DateFilterRange(request.query, name: "DateCreated")
        let found = await voice.recordings(accountSID: account, callSID: callSID, created: created)
        return try TwilioAPI.v2010.page(found.map(\.callRecordingJSON), key: "recordings",
                                        path: "/2010-04-01/Accounts/\(account)/Calls/\(callSID)/Recordings.json", request: request)
    }

    /// FetchCallRecording.
    @Sendable func fetchForCall(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(try await callRecording(request, context).callRecordingJSON)
    }

    /// DeleteCallRecording.
    @Sendable func deleteForCall(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        await voice.delete(try await callRecording(request, context))
        return SandboxResponse.noContent
    }

    /// The recording `{Sid}` of the call `{CallSid}`; 404 when it is another call's.
    private func callRecording(_ request: Request, _ context: SandboxRequestContext) async throws -> RecordingRecord {
        let recording = try await recordings().record(request, context)
        guard recording.callSID == (try context.parameters.require("CallSid")) else {
            throw SandboxError.notFound(request.twilioPath)
        }
        return recording
    }
}
