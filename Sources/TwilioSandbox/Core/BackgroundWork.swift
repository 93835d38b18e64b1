import Foundation
import Synchronization

/// What the sandbox does after answering a request (messages and calls moving on, transcriptions,
/// webhooks): started here, and cancelled together when the sandbox stops, so a stopped sandbox
/// changes nothing afterwards (nor its state file).
final class BackgroundWork: Sendable {
    /// The running tasks, and whether the sandbox has stopped.
    private struct State {
        var tasks: [UUID: Task<Void, Never>] = [:]
        var stopped = false
    }

    private let state = Mutex(State())

    /// Runs `work` in the background, unless the sandbox has stopped.
    func run(_ work: @escaping @Sendable () async -> Void) {
        let id = UUID()
        state.withLock { state in
            guard !state.stopped else { return }
            state.tasks[id] = Task { [weak self] in
                await work()
                self?.finished(id)
            }
        }
    }

    /// Cancels everything running, waits for it to end, and refuses new work.
    func stop() async {
        let running = state.withLock { state in
            state.stopped = true
            defer { state.tasks = [:] }
            return Array(state.tasks.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// Forgets the task `id`, which has ended.
    private func finished(_ id: UUID) {
        _ = state.withLock { $0.tasks.removeValue(forKey: id) }
    }
}

/// Waits `duration`; `false` when the task was cancelled meanwhile (the sandbox is stopping), so
/// the caller gives up instead of carrying on at once.
func pause(_ duration: Duration) async -> Bool {
    (try? await Task.sleep(for: duration)) != nil
}
