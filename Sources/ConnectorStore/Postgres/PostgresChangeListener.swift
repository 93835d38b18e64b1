import Logging
import PostgresNIO
import Synchronization

/// Hears the store's changes made by any instance: `LISTEN`s on the store's channel over a
/// connection of its own and hands each notification to the broadcaster. When the connection
/// drops it reconnects (backing off) and signals every kind of change once it listens again, since
/// notifications sent in between are lost: waiters re-read the store.
final class PostgresChangeListener: Sendable {
    let location: PostgresLocation
    let channel: String
    let broadcaster: ChangeBroadcaster
    let logger: Logger
    private let listening = Atomic<Bool>(false)

    init(location: PostgresLocation, channel: String, broadcaster: ChangeBroadcaster, logger: Logger) {
        self.location = location
        self.channel = channel
        self.broadcaster = broadcaster
        self.logger = logger
    }

    /// Whether notifications are being heard now.
    var isListening: Bool { listening.load(ordering: .acquiring) }

    /// Listens until the task is cancelled.
    func run() async {
        var pause = Duration.milliseconds(100)
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(configuration: try PostgresStore.connectionConfiguration(location),
                                                                      id: 1, logger: logger)
                do {
                    try await connection.listen(on: channel) { notifications in
                        pause = .milliseconds(100)
                        listening.store(true, ordering: .releasing)
                        defer { listening.store(false, ordering: .releasing) }
                        for change in StoreChange.allCases { broadcaster.signal(change) }
                        for try await notification in notifications {
                            if let change = StoreChange(rawValue: notification.payload) { broadcaster.signal(change) }
                        }
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { return }
                logger.warning("Not hearing other instances' changes; retrying",
                               metadata: ["store": "\(location)", "error": "\(PostgresStore.describe(error, location))"])
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(5))
        }
    }
}
