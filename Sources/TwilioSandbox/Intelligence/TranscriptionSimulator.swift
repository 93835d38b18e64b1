import Foundation
import TwilioKit

/// Voice Intelligence transcribing the sandbox's own recordings: CreateTranscript on a recording
/// (`media_properties.source_sid`) queues a transcript of what was said on its call, in order:
/// each `<Say>` on the agent's channel, what the handset said to a speech `<Gather>` on the
/// customer's. It moves `queued` → `in-progress` → `completed` a status
/// step apart. Audio at a `media_url` cannot be transcribed here: that transcript ends `failed`.
struct TranscriptionSimulator: Sendable {
    let world: SandboxWorld

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
            guard let recording = await world.voice.recording(sourceSID, accountSID: accountSID) else {
                throw .invalidParameter("Channel", channelText, rule: "media_properties.source_sid must be a recording (RE…) of this account")
            }
            let said = await world.voice.events(of: recording.callSID).compactMap(Self.spokenLine)
            var builder = TranscriptBuilder(accountSID: accountSID, serviceSID: serviceSID, sourceSID: recording.sid, callSID: recording.callSID)
            builder.customerKey = customerKey
            transcript = builder.build(said, date: Date())
            transcript.mediaStartTime = mediaStartTime ?? recording.startTime
        } else if case .string? = media?["media_url"] {
            var builder = TranscriptBuilder(accountSID: accountSID, serviceSID: serviceSID, sourceSID: SID.make("RE"))
            builder.customerKey = customerKey
            transcript = builder.build([], date: Date())
            transcript.channel = channel
            transcript.mediaStartTime = mediaStartTime
        } else {
            throw .invalidParameter("Channel", channelText, rule: "media_properties must hold a source_sid (a recording) or a media_url")
        }
        transcript.status = "queued"
        await world.transcripts.insert(transcript)
        let simulator = self
        let sid = transcript.sid
        world.background.run { await simulator.transcribe(sid) }
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

    /// Moves a transcript on from where it is (a restart resumes it).
    func transcribe(_ sid: String) async {
        let step = world.configuration.statusStep
        guard var transcript = await world.transcripts.transcript(sid) else { return }
        if transcript.status == "queued" {
            guard await pause(step), let started = await world.transcripts.update(sid, { $0.status = "in-progress" }) else { return }
            transcript = started
        }
        guard transcript.status == "in-progress", await pause(step) else { return }
        let transcribable = transcript.channel["media_properties"]?["source_sid"] != nil
        await world.transcripts.update(sid) { $0.status = transcribable ? "completed" : "failed" }
    }

    /// Takes up the transcripts a previous run left unfinished.
    func resume() async {
        for transcript in await world.transcripts.inFlight() {
            let simulator = self
            world.background.run { await simulator.transcribe(transcript.sid) }
        }
    }
}
