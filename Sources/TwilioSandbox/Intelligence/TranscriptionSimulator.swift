import Foundation
import TwilioKit

/// Voice Intelligence transcribing the sandbox's own recordings: CreateTranscript on a recording
/// (`media_properties.source_sid`) queues a transcript of what was said on its call, in order:
/// each `<Say>` on the agent's channel, what the handset said to a speech `<Gather>` on the
/// customer's. It moves through its ``TranscriptLifecycle`` a status step apart. Audio at a
/// `media_url` cannot be transcribed here: that transcript ends `failed`.
struct TranscriptionSimulator: Sendable {
    let environment: SimulationEnvironment
    let transcripts: ResourceStore<TranscriptRecord>
    let voice: VoiceFacade

    /// Validates a CreateTranscript form and queues the transcript.
    func create(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> TranscriptRecord {
        let serviceSID = try form.required("ServiceSid")
        guard SID.isValid(serviceSID, prefix: "GA") else {
            throw .invalidParameter("ServiceSid", serviceSID, rule: "must be a Voice Intelligence Service SID (GA + 32 hex digits)")
        }
        let channelText = try form.required("Channel")
        let channel: SandboxJSON
        do { channel = try SandboxJSONParser.parse(channelText) } catch {
            throw .invalidParameter("Channel", channelText, rule: "must be a JSON object (\(error))")
        }
        let customerKey = form.first("CustomerKey")
        if let customerKey, customerKey.count > 64 {
            throw .invalidParameter("CustomerKey", customerKey, rule: "must be at most 64 characters")
        }
        let mediaStartTime = try form.first("MediaStartTime").map { (value) throws(SandboxError) -> Date in
            guard let date = TwilioDateFormat.date(from: value) else { throw .invalidParameter("MediaStartTime", value, rule: "must be an ISO 8601 date-time") }
            return date
        }
        let media = channel["media_properties"]
        var transcript: TranscriptRecord
        if case .string(let sourceSID)? = media?["source_sid"] {
            guard let recording = await voice.recording(sourceSID, accountSID: accountSID) else {
                throw .invalidParameter("Channel", channelText, rule: "media_properties.source_sid must be a recording (RE…) of this account")
            }
            let said = await voice.events(of: recording.callSID).compactMap(Self.spokenLine)
            var builder = TranscriptBuilder(accountSID: accountSID, serviceSID: serviceSID, sourceSID: recording.sid, callSID: recording.callSID)
            builder.customerKey = customerKey
            transcript = builder.build(said, date: Date(), status: .queued)
            transcript.mediaStartTime = mediaStartTime ?? recording.startTime
        } else if case .string? = media?["media_url"] {
            var builder = TranscriptBuilder(accountSID: accountSID, serviceSID: serviceSID, sourceSID: SID.make("RE"))
            builder.customerKey = customerKey
            transcript = builder.build([], date: Date(), status: .queued)
            transcript.channel = channel
            transcript.mediaStartTime = mediaStartTime
        } else {
            throw .invalidParameter("Channel", channelText, rule: "media_properties must hold a source_sid (a recording) or a media_url")
        }
        await transcripts.save(transcript)
        let simulator = self
        let sid = transcript.sid
        environment.background.run { await simulator.transcribe(sid) }
        return transcript
    }

    /// What an event of the call's log adds to its transcript: `Agent: …` or `Customer: …`.
    private static func spokenLine(_ event: CallEvent) -> String? {
        let (key, speaker) = switch event.type {
        case "say": ("text", "Agent")
        case "gather": ("speech", "Customer")
        default: ("", "")
        }
        guard case .string(let text)? = event.details.first(where: { $0.0 == key })?.1 else { return nil }
        return speaker + ": " + text
    }

    /// Moves transcript `sid` through its lifecycle from where it stands (a restart resumes it).
    func transcribe(_ sid: String) async {
        while let transcript = await transcripts.record(sid), transcript.lifecycle.movesOnByItself {
            guard await pause(environment.statusStep) else { return }
            let event = TranscriptLifecycle.Event.statusStepElapsed(transcribable: transcript.isTranscribable)
            guard await transcripts.transition(sid, { transcript in
                let action = transcript.handle(event, now: Date())
                return action == .ignore ? nil : action
            }) != nil else { return }
        }
    }

    /// Takes up the transcripts a previous run left unfinished.
    func resume() async {
        for transcript in await transcripts.records(where: { $0.lifecycle.movesOnByItself }) {
            let simulator = self
            environment.background.run { await simulator.transcribe(transcript.sid) }
        }
    }
}
