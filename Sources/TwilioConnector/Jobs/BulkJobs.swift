import ConnectorStore
import Foundation
import Synchronization
import TwilioKit

/// Durable bulk sends: with the connector's store, `sendBulkSMS` becomes a job whose recipients and
/// their states are in the store before the first send. Any instance works on it — a chunk at a
/// time under a lease, one runner per job at a time — and a job whose runner died is taken over
/// when its lease expires, each send whose outcome was unknown reconciled against Twilio first, so
/// that every recipient gets the message once.
public struct BulkJobs: Sendable {
    /// Where jobs live.
    public let store: any ConnectorStore
    /// The default connection's client, with a request timeout inside the lease and patient retries.
    let client: TwilioClient
    /// Leases, chunks, attempts.
    public let settings: BulkJobSettings
    /// This instance's name, on every lease it takes (``defaultInstance`` unless told).
    public let instance: String
    let now: @Sendable () -> Date

    /// Jobs in `store`, sent with `client` (the connector's default connection).
    public init(store: any ConnectorStore, client: TwilioClient, settings: BulkJobSettings = .init(),
                instance: String = BulkJobs.defaultInstance, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.client = client.withTimeout(min(client.configuration.timeout, settings.requestTimeout))
            .withRetryPolicy(BulkSender.patientPolicy(client.configuration.retryPolicy))
        self.settings = settings
        self.instance = instance
        self.now = now
    }

    /// A name for this process: `instance-<pid>-<random>`.
    public static let defaultInstance = "instance-\(ProcessInfo.processInfo.processIdentifier)-"
        + String(UInt16.random(in: .min ... .max), radix: 16)

    // MARK: Submitting and following

    /// Writes a job for `sender`'s recipients — normalised, de-duplicated, every one in the store
    /// before the first send — with `message` (the action's message parameters).
    func submit(_ sender: BulkSender, message: [String: JSONValue]) async throws(StoreError) -> BulkJob {
        let (report, _) = sender.prepare()
        let parameters = BulkSendJobParameters(message: message, messagesPerSecond: sender.pace, concurrency: sender.concurrency,
                                               duplicateCount: report.duplicateCount)
        let recipients = report.recipients.map { NewBulkJob.Recipient(given: $0.given, to: $0.to, error: $0.error) }
        return try await store.createJob(NewBulkJob(kind: BulkSendJobParameters.kind, parameters: parameters.json, recipients: recipients,
                                                    chunkSize: settings.chunkSize, createdAt: now()))
    }

    /// Works on job `jobID` until it is completed or canceled — on its chunks here while no other
    /// runner holds them, waiting while one does (and taking over when its lease expires) — and
    /// answers its report; `nil` for an unknown job. `progress` hears how far the job has got.
    public func run(jobID: String, progress: @escaping @Sendable (ActionProgress) -> Void = { _ in }) async throws(StoreError) -> BulkSendReport? {
        let owner = "\(instance)/run-\(UUID().uuidString.prefix(8).lowercased())"
        while true {
            let changes = store.changes()
            guard let job = try await store.job(id: jobID) else { return nil }
            progress(Self.progress(job.counts))
            if job.status != .running || Task.isCancelled { return try await report(jobID: jobID) }
            if let lease = try await store.leaseJobChunk(jobID: jobID, now: now(), owner: owner, leaseDuration: settings.leaseDuration) {
                if try await work(lease, progress: progress) == .unsettled {
                    try? await Task.sleep(for: settings.pollInterval)
                }
            } else {
                await StoreChangeWait.next(changes, of: [.jobs], until: .now + settings.pollInterval)
            }
        }
    }

    /// Leases a chunk of the oldest job with work for `owner` and works it; whether there was one.
    public func workOnce(owner: String) async throws(StoreError) -> Bool {
        guard let lease = try await store.leaseJobChunk(jobID: nil, now: now(), owner: owner, leaseDuration: settings.leaseDuration) else {
            return false
        }
        return try await work(lease, progress: { _ in }) != .unsettled
    }

    /// Works one leased chunk, telling `progress` of each recipient settled.
    private func work(_ lease: JobChunkLease, progress: @escaping @Sendable (ActionProgress) -> Void) async throws(StoreError) -> BulkChunkRunner.Ending {
        guard let parameters = BulkSendJobParameters(lease.job.parameters) else {
            _ = try await store.cancelJob(id: lease.job.id, now: now())
            return .stopped
        }
        let counts = Mutex(lease.job.counts)
        let runner = BulkChunkRunner(store: store, client: client, lease: lease, parameters: parameters, settings: settings, now: now) { state in
            let updated = counts.withLock { counts in
                counts.pending -= 1
                counts[state] += 1
                return counts
            }
            progress(Self.progress(updated))
        }
        return try await runner.run()
    }

    // MARK: Reports and control

    /// The job's report as it stands, every recipient listed; `nil` for an unknown job.
    public func report(jobID: String) async throws(StoreError) -> BulkSendReport? {
        try await Self.report(jobID: jobID, in: store)
    }

    /// The report of job `jobID` in `store`, every recipient listed; `nil` for an unknown job.
    public static func report(jobID: String, in store: any ConnectorStore) async throws(StoreError) -> BulkSendReport? {
        guard let job = try await store.job(id: jobID) else { return nil }
        var recipients: [JobRecipient] = []
        while true {
            let page = try await store.jobRecipients(jobID: jobID, after: recipients.last?.index ?? -1, limit: 1000)
            recipients += page
            if page.count < 1000 { break }
        }
        return BulkSendReport(job: job, recipients: recipients)
    }

    /// The report of job `jobID` in `store` rendered as `sendBulkSMS` answers it; `nil` for an
    /// unknown job.
    public static func renderedReport(jobID: String, in store: any ConnectorStore) async throws(StoreError) -> JSONValue? {
        try await report(jobID: jobID, in: store).map { .object(BulkRendering.fields($0)) }
    }

    /// Cancels a running job (sends already begun finish); `nil` for an unknown job.
    public func cancel(jobID: String) async throws(StoreError) -> BulkJob? {
        try await store.cancelJob(id: jobID, now: now())
    }

    /// Makes a canceled job run again; `nil` for an unknown job.
    public func resume(jobID: String) async throws(StoreError) -> BulkJob? {
        try await store.resumeJob(id: jobID, now: now())
    }

    /// How far a job with `counts` has got.
    static func progress(_ counts: BulkJob.Counts) -> ActionProgress {
        ActionProgress(completed: counts.finished, total: counts.total, failed: counts.failed)
    }
}
