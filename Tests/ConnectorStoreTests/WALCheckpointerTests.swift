@testable import ConnectorStore
import Foundation
import GRDB
import Testing

/// The SQLite store's write-ahead log: commits never checkpoint it, the store's checkpointer does.
struct WALCheckpointerTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wal-tests-\(UUID().uuidString)")
    private var path: String { folder.appendingPathComponent("connector.sqlite").path }

    /// Restarts the log past 1 000 frames (SQLite's own threshold), so that a few hundred commits cross it.
    private static let restartFrames = 1000

    /// A store whose log is checkpointed every `interval`, with `count` events appended, each committed alone.
    private func store(checkpointingEvery interval: Duration, appending count: Int) async throws -> SQLiteStore {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: path, checkpoints: WALCheckpointPolicy(interval: interval, restartFrames: Self.restartFrames))
        for _ in 0..<count { try await appendEvent(to: store) }
        return store
    }

    private func appendEvent(to store: SQLiteStore) async throws {
        let key = UUID().uuidString
        _ = try await store.append(NewTriggerEvent(trigger: "newSms", receivedAt: Date(), data: ["body": .string(key)], dedupeKey: key))
    }

    /// A connection of the test's own to the store's file.
    private func probe() throws -> DatabaseQueue {
        try DatabaseQueue(path: path)
    }

    /// How long the log is, in frames (its checkpoint must not be running).
    private func logFrames() async throws -> Int {
        try await probe().writeWithoutTransaction { try $0.checkpoint(.passive).walFrameCount }
    }

    @Test func commitsLeaveTheCheckpointsToTheCheckpointer() async throws {
        let store = try await store(checkpointingEvery: .seconds(3600), appending: 300)
        #expect(try await logFrames() > Self.restartFrames, "every commit's pages are still in the log")
        withExtendedLifetime(store) {}
    }

    @Test func aRoundRestartsALongLog() async throws {
        let store = try await store(checkpointingEvery: .seconds(3600), appending: 300)
        try await WALCheckpointer.checkpoint(probe(), restartingPast: Self.restartFrames)
        try await appendEvent(to: store)
        #expect(try await logFrames() < 20, "the next commit writes the log from its start")
    }

    @Test func theCheckpointerKeepsTheLogShort() async throws {
        let store = try await store(checkpointingEvery: .milliseconds(5), appending: 1500)
        // Unchecked, 1 500 commits leave about 9 000 frames; checkpointed, the log is restarted every
        // threshold and one round's commits, so its file (which keeps its longest size) stays short.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int)
        #expect(size < 4500 * (4096 + 24), "the log's file grew to \(size) bytes")
        withExtendedLifetime(store) {}
        try? FileManager.default.removeItem(at: folder)
    }
}
