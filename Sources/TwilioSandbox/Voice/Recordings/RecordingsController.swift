import Hummingbird
import TwilioKit

/// `/2010-04-01/Accounts/{AccountSid}/Recordings…` (fetch, delete, list, media) and
/// `/Calls/{CallSid}/Recordings…` (a call's recordings).
struct RecordingsController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.get("Recordings.json", use: list)
        group.get("Recordings/{Sid}.json", use: fetch)
        group.delete("Recordings/{Sid}.json", use: delete)
        group.get("Recordings/{Sid}.wav", use: media)
        group.get("Recordings/{Sid}.mp3", use: mp3)
        group.get("Recordings/{Sid}", use: media)
        group.get("Calls/{CallSid}/Recordings.json", use: listForCall)
        group.get("Calls/{CallSid}/Recordings/{Sid}.json", use: fetchForCall)
        group.delete("Calls/{CallSid}/Recordings/{Sid}.json", use: deleteForCall)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        // Parsed before the call: a `try` inside an `await`'s arguments in a conditional expression
        // crashes Swift 6.3's optimiser (coroutine splitting) in release builds.
        let created = try DateFilterRange(query, name: "DateCreated")
        let includeDeleted = try query.bool("IncludeSoftDeleted") ?? false
        // The sandbox has no conferences: a ConferenceSid filter matches nothing.
        let recordings = query.first("ConferenceSid") != nil ? [] : await world.voice.recordings(
            accountSID: account, callSID: query.first("CallSid"), created: created, includeDeleted: includeDeleted)
        let page = try PageRequest(query).v2010Page(recordings.map(\.json), key: "recordings",
                                                     path: "/2010-04-01/Accounts/\(account)/Recordings.json", query: query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let includeDeleted = try request.query.bool("IncludeSoftDeleted") ?? false
        return SandboxResponse.json(try await recording(request, context, includeDeleted: includeDeleted).json)
    }

    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let recording = try await recording(request, context)
        _ = await world.voice.deleteRecording(recording.sid, accountSID: recording.accountSID)
        return SandboxResponse.noContent
    }

    /// The audio: a WAV of the recording's length (also without an extension, as Twilio serves it):
    /// what the application streamed to the call, or a tone.
    @Sendable func media(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let recording = try await recording(request, context)
        return SandboxResponse.bytes(recording.wav, contentType: WAVEncoder.contentType)
    }

    /// MP3 needs an encoder the sandbox does not have: it answers 404 rather than mislabelled audio.
    @Sendable func mp3(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let recording = try await recording(request, context)
        throw SandboxError(.notFound, code: 20404,
                           "The sandbox serves recordings as WAV only: fetch \(recording.mediaURL).wav (or without an extension)")
    }

    @Sendable func listForCall(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let callSID = try context.parameters.require("CallSid")
        let query = request.query
        let recordings = await world.voice.recordings(accountSID: account, callSID: callSID,
                                                      created: try DateFilterRange(query, name: "DateCreated"))
        let page = try PageRequest(query).v2010Page(recordings.map(\.callRecordingJSON), key: "recordings",
                                                     path: "/2010-04-01/Accounts/\(account)/Calls/\(callSID)/Recordings.json",
                                                     query: query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetchForCall(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        SandboxResponse.json(try await callRecording(request, context).callRecordingJSON)
    }

    @Sendable func deleteForCall(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let recording = try await callRecording(request, context)
        _ = await world.voice.deleteRecording(recording.sid, accountSID: recording.accountSID)
        return SandboxResponse.noContent
    }

    private func recording(_ request: Request, _ context: SandboxRequestContext, includeDeleted: Bool = false) async throws -> RecordingRecord {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("Sid")
        guard let recording = await world.voice.recording(sid, accountSID: account, includeDeleted: includeDeleted) else {
            throw SandboxError.notFound(request.twilioPath)
        }
        return recording
    }

    private func callRecording(_ request: Request, _ context: SandboxRequestContext) async throws -> RecordingRecord {
        let recording = try await recording(request, context)
        guard recording.callSID == (try context.parameters.require("CallSid")) else {
            throw SandboxError.notFound(request.twilioPath)
        }
        return recording
    }
}
