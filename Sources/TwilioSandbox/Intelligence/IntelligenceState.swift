import Foundation
import TwilioKit

/// Voice Intelligence's transcripts of every account; the main account starts with the demo ones.
actor IntelligenceState {
    private var transcripts: RecordTable<TranscriptRecord>

    /// The transcripts `store` kept; a new state (no store, or a new file) holds `accountSID`'s
    /// demo transcripts.
    init(accountSID: String, store: SandboxStore?) throws {
        transcripts = try RecordTable(store: store)
        guard store?.isNew ?? true else { return }
        for transcript in DemoTranscripts.make(accountSID: accountSID, now: Date()) {
            transcripts.save(transcript)
        }
    }

    /// Stores a transcript.
    func insert(_ transcript: TranscriptRecord) {
        transcripts.save(transcript)
    }

    /// The transcript `sid`, whichever account owns it.
    func transcript(_ sid: String) -> TranscriptRecord? { transcripts[sid] }

    /// The transcript `sid` of `accountSID`.
    func transcript(_ sid: String, accountSID: String) -> TranscriptRecord? {
        transcripts[sid, of: accountSID]
    }

    /// Applies `change` to transcript `sid` and returns the result.
    @discardableResult
    func update(_ sid: String, _ change: (inout TranscriptRecord) -> Void) -> TranscriptRecord? {
        transcripts.modify(sid) { transcript in
            change(&transcript)
            transcript.dateUpdated = Date()
        }
    }

    /// Transcripts still being transcribed, oldest first (taken up again after a restart).
    func inFlight() -> [TranscriptRecord] {
        transcripts.oldestFirst.filter { TranscriptRecord.inFlightStatuses.contains($0.status) }
    }

    /// Deletes transcript `sid`.
    func delete(_ sid: String, accountSID: String) -> Bool {
        transcripts.remove(sid, of: accountSID)
    }

    /// The account's transcripts that pass `filter`, newest first.
    func list(accountSID: String, filter: TranscriptFilter) -> [TranscriptRecord] {
        transcripts.oldestFirst
            .filter { $0.accountSID == accountSID && filter.admits($0) }
            .sorted { ($0.dateCreated, $0.sid) > ($1.dateCreated, $1.sid) }
    }
}
