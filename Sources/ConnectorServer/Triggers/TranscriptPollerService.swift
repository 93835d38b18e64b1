import ConnectorStore
import Foundation
import Logging
import ServiceLifecycle
import TwilioConnector

/// Polls Voice Intelligence for completed transcripts every `interval` and stores each as a
/// `newTranscript` event — for accounts whose services have no webhook pointed at the connector.
/// Every instance may poll: an event's dedupe key stores each transcript once.
final class TranscriptPollerService: Service {
    private let dependencies: ServerDependencies
    private let interval: Duration
    private let includeSentences: Bool
    private let logger: Logger

    init(dependencies: ServerDependencies, interval: Duration, includeSentences: Bool, logger: Logger) {
        self.dependencies = dependencies
        self.interval = interval
        self.includeSentences = includeSentences
        self.logger = logger
    }

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await self.pollUntilCancelled() }
    }

    private func pollUntilCancelled() async throws {
        // The first poll looks a day back; later ones from the previous poll on.
        var since = dependencies.now().addingTimeInterval(-86_400)
        while !Task.isCancelled {
            let started = dependencies.now()
            switch await dependencies.connector.completedTranscriptEvents(since: since, includeSentences: includeSentences,
                                                                          receivedAt: started) {
            case .success(let events):
                for event in events { _ = try await dependencies.store.append(event) }
                since = started
            case .failure(let failure):
                logger.warning("Polling transcripts failed; trying again next time: \(failure.message)")
            }
            try await Task.sleep(for: interval)
        }
    }
}
