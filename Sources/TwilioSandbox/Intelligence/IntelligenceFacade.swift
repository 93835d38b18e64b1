import Foundation
import TwilioKit

/// Voice Intelligence's one entrance: the transcripts of every account (the main account starts
/// with two demo ones) and the simulator that transcribes the sandbox's recordings.
struct IntelligenceFacade: Sendable {
    private let transcripts: ResourceStore<TranscriptRecord>
    private let simulator: TranscriptionSimulator

    /// Voice Intelligence with the transcripts `store` kept (or `accountSID`'s demo ones in a new
    /// state), transcribing `voice`'s recordings on `environment`'s background work.
    init(environment: SimulationEnvironment, store: SandboxStore?, accountSID: String, voice: VoiceFacade) throws {
        transcripts = try ResourceStore(store: store) { DemoTranscripts.make(accountSID: accountSID, now: Date()) }
        simulator = TranscriptionSimulator(environment: environment, transcripts: transcripts, voice: voice)
    }

    /// CreateTranscript: queues a transcript of one of the account's recordings.
    func create(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> TranscriptRecord {
        try await simulator.create(form, accountSID: accountSID)
    }

    /// Stores a transcript made whole (the inspection API's).
    func insert(_ transcript: TranscriptRecord) async {
        await transcripts.save(transcript)
    }

    /// The transcript `sid` of `accountSID`.
    func transcript(_ sid: String, accountSID: String) async -> TranscriptRecord? {
        await transcripts.record(sid, accountSID: accountSID)
    }

    /// The account's transcripts that pass `filter`, newest first.
    func list(accountSID: String, filter: TranscriptFilter) async -> [TranscriptRecord] {
        await transcripts.records(of: accountSID, where: filter.admits)
            .sorted { ($0.dateCreated, $0.sid) > ($1.dateCreated, $1.sid) }
    }

    /// Deletes `transcript`.
    func delete(_ transcript: TranscriptRecord) async {
        await transcripts.delete(transcript.sid, accountSID: transcript.accountSID)
    }

    /// Takes up the transcripts a previous run left unfinished.
    func resume() async {
        await simulator.resume()
    }
}
