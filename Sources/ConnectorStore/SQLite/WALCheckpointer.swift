import GRDB

/// When the SQLite store checkpoints its write-ahead log (see ``SQLiteStore``).
public struct WALCheckpointPolicy: Sendable {
    /// How often the log is copied into the database file.
    public var interval: Duration
    /// How long the log may grow, in frames (pages), before it is restarted.
    public var restartFrames: Int

    /// Creates a policy.
    public init(interval: Duration, restartFrames: Int) {
        self.interval = interval
        self.restartFrames = restartFrames
    }

    /// Every 250 ms, the log restarted past 40 000 frames (its file then stays up to ~160 MB).
    /// A checkpoint first syncs the log, and while it does the commits' writes to the log wait
    /// (the page they append to is being written out), so the less each sync has to write the less
    /// they wait: at 1 000 webhooks a second on a fresh store (six 5 s runs each), p99 8–20 ms
    /// (median 13) checkpointing every 2 s, 5–8 ms every 250 ms. A restart holds the commits back
    /// for 10–35 ms, and on a store of 100 000+ events a commit writes more pages, so past 10 000
    /// frames it came every ~2 s under that load: after `scripts/bench webhooks`' 30 s burst, p99 at
    /// 1 000/s was 19–21 ms restarting past 10 000 frames and 2.4–2.8 ms past 40 000 (two runs each).
    public static let standard = WALCheckpointPolicy(interval: .milliseconds(250), restartFrames: 40_000)
}

/// Checkpoints the store's write-ahead log in the background, on a connection of its own, so that
/// no commit waits for a checkpoint.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that commit
/// copies the log into the database file and syncs it, and every write queued behind it waits.
/// Under a steady 1 000 webhooks a second, those stalls made the 99th percentile 30 ms instead of
/// 8. The store's connections turn the automatic checkpoint off (``disableAutomaticCheckpoints(_:)``)
/// and this one checkpoints at the policy's interval: a passive checkpoint copies the log while the
/// writes go on (it blocks nobody); then, once the log is the policy's `restartFrames` long, a second
/// passive one copies what was written during the first, and a restart checkpoint copies the
/// little written since and makes the next commit write the log from its start again. Only the
/// restart holds the writers back, for as little copying and syncing as possible. (Passive
/// checkpoints alone never get the log reused under a steady load: some commit always lands during one.)
final class WALCheckpointer: Sendable {
    private let task: Task<Void, Never>

    /// Starts checkpointing the database at `path` as `policy` says.
    init(path: String, configuration: Configuration, policy: WALCheckpointPolicy) throws {
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        task = Task.detached {
            while (try? await Task.sleep(for: policy.interval)) != nil {
                // Busy (another process's checkpointer holds the lock) or failed: the next round tries again.
                _ = try? await Self.checkpoint(connection, restartingPast: policy.restartFrames)
            }
        }
    }

    deinit {
        task.cancel()
    }

    /// Turns `database`'s automatic checkpoints off: its commits leave them to a checkpointer.
    static func disableAutomaticCheckpoints(_ database: Database) throws {
        try database.execute(sql: "PRAGMA wal_autocheckpoint = 0")
    }

    /// One round: copies the log into the database file on `connection`, and restarts it when it
    /// is `restartFrames` long.
    static func checkpoint(_ connection: DatabaseQueue, restartingPast restartFrames: Int) async throws {
        try await connection.writeWithoutTransaction { database in
            if try database.checkpoint(.passive).walFrameCount >= restartFrames {
                try database.checkpoint(.passive)
                try database.checkpoint(.restart)
            }
        }
    }
}
