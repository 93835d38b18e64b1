import ConnectorStore
import Foundation
import Logging
import ServiceLifecycle
import TwilioConnector

/// Works on bulk jobs in the background: leases chunks of any running job that no other runner
/// holds — jobs submitted with `Async`, jobs left by an instance that died (once their lease
/// expires), jobs of a previous run of this instance — and works them. Wakes when a job changes
/// and at least every poll interval, since a lease expiring signals nothing.
struct BulkJobWorker: Service, CustomStringConvertible {
    let jobs: BulkJobs
    let logger: Logger

    /// Its name in the service group's logs (which otherwise reflect on every field at start-up).
    var description: String { "BulkJobWorker" }

    func run() async throws {
        let owner = "\(jobs.instance)/worker"
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let changes = jobs.store.changes()
                do {
                    if try await jobs.workOnce(owner: owner) { continue }
                } catch where !Task.isCancelled {
                    logger.error("Bulk jobs paused: \(error)")
                } catch {
                    return  // the server is shutting down: the store's work was cancelled, nothing failed
                }
                await StoreChangeWait.next(changes, of: [.jobs], until: .now + jobs.settings.pollInterval)
            }
        }
    }
}
