import ConnectorStore
import Foundation
import TwilioKit

/// Works one leased chunk of a bulk-send job to its end: first reconciles the sends a previous
/// runner began and never recorded, then sends to each pending recipient (pending → sending
/// committed before the request leaves, sent/failed recorded after), reconciling every send whose
/// outcome is unknown before any retry, while a heartbeat renews the lease. A cancelled runner —
/// like a dead one — writes nothing more: its lease expires and its unknown sends are reconciled
/// by whoever takes the chunk over.
struct BulkChunkRunner: Sendable {
    /// How a chunk's work ended.
    enum Ending: Sendable, Equatable {
        /// Every recipient settled; the chunk was released.
        case finished
        /// Some sends stay unknown (Twilio could not be asked); the chunk was released to try later.
        case unsettled
        /// Another runner holds the chunk now, or the job stopped running.
        case stopped
    }

    /// What one recipient's turn came to.
    private enum Turn: Sendable {
        case settled(JobRecipient.State)
        case retry(JobRecipient)
        case unknown(JobRecipient)
        /// The job no longer runs (canceled): the chunk is released.
        case halt
        /// The lease is lost, or the runner cancelled: nothing more is written.
        case stop
    }

    let store: any ConnectorStore
    let client: TwilioClient
    let lease: JobChunkLease
    let parameters: BulkSendJobParameters
    let settings: BulkJobSettings
    let now: @Sendable () -> Date
    /// Hears each recipient settled as sent or failed.
    let settled: @Sendable (JobRecipient.State) -> Void

    private var jobID: String { lease.job.id }
    private var owner: String { lease.owner }

    /// Works the chunk, renewing its lease meanwhile.
    func run() async throws(StoreError) -> Ending {
        let result = await withTaskGroup(of: Result<Ending, StoreError>?.self) { group in
            group.addTask {
                do throws(StoreError) { return .success(try await work()) } catch { return .failure(error) }
            }
            group.addTask { await heartbeat() }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let result else { return .stopped }
        return try result.get()
    }

    /// Renews the lease every third of its duration; returns (ending the work) once it is lost.
    private func heartbeat() async -> Result<Ending, StoreError>? {
        while !Task.isCancelled {
            do { try await Task.sleep(for: settings.leaseDuration / 3) } catch { return nil }
            do {
                if try await !store.renewJobChunk(jobID: jobID, chunk: lease.chunk, owner: owner, now: now(), leaseDuration: settings.leaseDuration) {
                    return .success(.stopped)
                }
            } catch {
                return .failure(error)
            }
        }
        return nil
    }

    private func work() async throws(StoreError) -> Ending {
        let template = parameters.template
        let reconciler = SendReconciler(client: client, template: template, clockSkew: settings.clockSkew)
        let pacer = SendPacer(messagesPerSecond: parameters.messagesPerSecond, executor: client.preferredTaskExecutor)
        var unknown = lease.recipients.filter { $0.state == .sending }
        var toSend = lease.recipients.filter { $0.state == .pending }
        var unsettled = false
        while !unknown.isEmpty || !toSend.isEmpty {
            for recipient in unknown {
                switch try await reconcile(recipient, with: reconciler) {
                case .retry(let again): toSend.append(again)
                case .unknown: unsettled = true
                case .halt: return try await halt()
                case .stop: return .stopped
                case .settled: break
                }
            }
            unknown = []
            var turns: [Turn] = []
            await BulkConcurrency.forEach(toSend, limit: parameters.concurrency, on: pacer.executor, work: { recipient in
                await send(to: recipient, template: template, pacer: pacer)
            }, collect: { turns.append($0) })
            toSend = []
            if turns.contains(where: { if case .stop = $0 { true } else { false } }) { return .stopped }
            for turn in turns {
                switch turn {
                case .stop: return .stopped
                case .halt: return try await halt()
                case .retry(let recipient): toSend.append(recipient)
                case .unknown(let recipient): unknown.append(recipient)
                case .settled: break
                }
            }
            if !toSend.isEmpty {
                do { try await Task.sleep(for: .seconds(1)) } catch { return .stopped }
            }
        }
        if Task.isCancelled { return .stopped }
        _ = try await store.releaseJobChunk(jobID: jobID, chunk: lease.chunk, owner: owner, now: now())
        return unsettled ? .unsettled : .finished
    }

    /// The job stopped running: releases the chunk for when it is resumed.
    private func halt() async throws(StoreError) -> Ending {
        if !Task.isCancelled { _ = try await store.releaseJobChunk(jobID: jobID, chunk: lease.chunk, owner: owner, now: now()) }
        return .stopped
    }

    /// One send: `sending` committed first, then the request, then its outcome.
    private func send(to recipient: JobRecipient, template: MessageCreateParameters, pacer: SendPacer) async -> Turn {
        guard let to = recipient.to else { return .settled(.failed) }
        do { try await pacer.nextSlot() } catch { return .stop }
        let began = now()
        do {
            switch try await store.beginSending(jobID: jobID, index: recipient.index, owner: owner, now: began) {
            case .granted: break
            case .notPending: return .halt
            case .leaseLost: return .stop
            }
        } catch {
            return .stop
        }
        var parameters = template
        parameters.to = to
        let outcome: JobRecipient.Outcome?
        do {
            let message = try await client.messages.create(parameters)
            outcome = .sent(messageSid: message.sid ?? "", from: message.from, status: message.status?.rawValue)
        } catch {
            outcome = Self.outcome(of: error)
        }
        let sending = JobRecipient(jobID: jobID, index: recipient.index, given: recipient.given, to: to, state: .sending,
                                   attempts: recipient.attempts + 1, sendingAt: began, messageSid: nil, from: nil, messageStatus: nil,
                                   error: nil, errorCode: nil)
        guard let outcome else { return Task.isCancelled ? .stop : .unknown(sending) }
        return await record(outcome, for: sending)
    }

    /// A send's outcome from Twilio's error; `nil` when the message may exist (reconcile it).
    static func outcome(of error: TwilioError) -> JobRecipient.Outcome? {
        switch error.kind {
        case .noAnswer where error.requestMayHaveBeenSent: nil
        case .noAnswer: .unsent(error: error.description)
        case .failed where error.httpStatus == 503 || error.isRateLimited: .unsent(error: error.description)
        case .failed, .undecodable: nil
        case .refused where error.isRateLimited: .unsent(error: error.description)
        case .refused: .failed(error: error.description, errorCode: error.code)
        }
    }

    /// Asks Twilio whether an unknown send happened, and records the answer.
    private func reconcile(_ recipient: JobRecipient, with reconciler: SendReconciler) async throws(StoreError) -> Turn {
        guard let to = recipient.to, let sendingAt = recipient.sendingAt else { return .settled(.failed) }
        let wait = sendingAt.timeIntervalSince(now()) + settings.reconcileDelay.timeInterval
        if wait > 0 {
            do { try await Task.sleep(for: .milliseconds(Int64(wait * 1000))) } catch { return .stop }
        }
        let found: Message?
        do { found = try await reconciler.message(to: to, sendingAt: sendingAt) } catch { return .unknown(recipient) }
        if let found {
            return await record(.sent(messageSid: found.sid ?? "", from: found.from, status: found.status?.rawValue), for: recipient)
        }
        return await record(.unsent(error: "no answer came and Twilio has no such message: sent again"), for: recipient)
    }

    /// Records `outcome` (a retry past the last attempt becomes a failure); `.stop` once the lease
    /// is lost or the runner cancelled.
    private func record(_ outcome: JobRecipient.Outcome, for recipient: JobRecipient) async -> Turn {
        var outcome = outcome
        if case .unsent(let error) = outcome, recipient.attempts >= settings.maximumAttempts {
            outcome = .failed(error: "given up after \(recipient.attempts) attempts: \(error)", errorCode: nil)
        }
        guard !Task.isCancelled else { return .stop }
        do {
            guard try await store.recordRecipient(jobID: jobID, index: recipient.index, owner: owner, outcome: outcome, now: now()) else {
                return .stop
            }
        } catch {
            return .stop
        }
        switch outcome {
        case .sent:
            settled(.sent)
            return .settled(.sent)
        case .failed:
            settled(.failed)
            return .settled(.failed)
        case .unsent:
            return .retry(JobRecipient(jobID: jobID, index: recipient.index, given: recipient.given, to: recipient.to, state: .pending,
                                       attempts: recipient.attempts, sendingAt: recipient.sendingAt, messageSid: nil, from: nil,
                                       messageStatus: nil, error: nil, errorCode: nil))
        }
    }
}
