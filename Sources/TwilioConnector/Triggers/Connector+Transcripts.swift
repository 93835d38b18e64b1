import ConnectorStore
import Foundation
import TwilioKit

extension Connector {
    /// The `newTranscript` event of transcript `sid`, read from Twilio with the default connection
    /// (with its sentences when `includeSentences`); `nil` while it is not `completed`.
    public func transcriptEvent(sid: String, includeSentences: Bool, receivedAt: Date) async -> Result<NewTriggerEvent?, ActionFailure> {
        guard let client = defaultClient else { return .failure(.other("No Twilio connection.")) }
        do {
            let transcript = try await client.intelligence.fetchTranscript(sid)
            guard transcript.status == .completed else { return .success(nil) }
            return .success(try await Self.event(of: transcript, sid: sid, includeSentences: includeSentences,
                                                 using: client, receivedAt: receivedAt))
        } catch {
            return .failure(.twilio(error))
        }
    }
}

extension Connector {
    /// The `newTranscript` events of the transcripts that completed since `since` (by creation
    /// time, with a margin for clock skew), with their sentences when `includeSentences`; for the
    /// poller that stands in when no Voice Intelligence webhook is configured. The events' dedupe
    /// keys make polling the same transcript again harmless.
    public func completedTranscriptEvents(since: Date, includeSentences: Bool, receivedAt: Date,
                                          limit: Int = 200) async -> Result<[NewTriggerEvent], ActionFailure> {
        guard let client = defaultClient else { return .failure(.other("No Twilio connection.")) }
        let filter = TranscriptListFilter(afterDateCreated: since.addingTimeInterval(-300), status: .completed)
        do {
            var events: [NewTriggerEvent] = []
            for transcript in try await client.intelligence.listTranscripts(filter, limit: limit).collect() {
                guard let sid = transcript.sid,
                      let event = try await Self.event(of: transcript, sid: sid, includeSentences: includeSentences,
                                                       using: client, receivedAt: receivedAt) else { continue }
                events.append(event)
            }
            return .success(events)
        } catch {
            return .failure(.twilio(error))
        }
    }

    /// The `newTranscript` event of `transcript` (`sid`), its sentences read when `includeSentences`.
    private static func event(of transcript: Transcript, sid: String, includeSentences: Bool, using client: TwilioClient,
                              receivedAt: Date) async throws(TwilioError) -> NewTriggerEvent? {
        let sentences = includeSentences ? try await client.intelligence.listSentences(sid, TranscriptSentenceListOptions()).collect() : nil
        return IntelligenceTriggers.event(transcript, sentences: sentences, receivedAt: receivedAt)
    }
}
