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
            let sentences = includeSentences ? try await client.intelligence.listSentences(sid, TranscriptSentenceListOptions()).collect() : nil
            return .success(IntelligenceTriggers.event(transcript, sentences: sentences, receivedAt: receivedAt))
        } catch {
            return .failure(.twilio(error))
        }
    }
}
