import Foundation
import TwilioKit

/// Voice Intelligence's transcripts of every account; the main account starts with the demo ones.
actor IntelligenceState {
    private var transcripts: [String: TranscriptRecord] = [:]

    /// A state holding `accountSID`'s demo transcripts.
    init(accountSID: String) {
        for transcript in DemoTranscripts.make(accountSID: accountSID, now: Date()) {
            transcripts[transcript.sid] = transcript
        }
    }

    /// Stores a transcript.
    func insert(_ transcript: TranscriptRecord) {
        transcripts[transcript.sid] = transcript
    }

    /// The transcript `sid` of `accountSID`.
    func transcript(_ sid: String, accountSID: String) -> TranscriptRecord? {
        transcripts[sid].flatMap { $0.accountSID == accountSID ? $0 : nil }
    }

    /// Deletes transcript `sid`.
    func delete(_ sid: String, accountSID: String) -> Bool {
        guard transcript(sid, accountSID: accountSID) != nil else { return false }
        transcripts[sid] = nil
        return true
    }

    /// The account's transcripts that pass `filter`, newest first.
    func list(accountSID: String, filter: TranscriptFilter) -> [TranscriptRecord] {
        transcripts.values
            .filter { $0.accountSID == accountSID && filter.admits($0) }
            .sorted { ($0.dateCreated, $0.sid) > ($1.dateCreated, $1.sid) }
    }
}
