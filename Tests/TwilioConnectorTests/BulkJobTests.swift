import ConnectorStore
import Foundation
import Synchronization
import Testing
import TwilioConnector
import TwilioKit

/// sendBulkSMS as a durable job against the sandbox: every recipient in the store before the first
/// send, each sent once — across a runner that dies between a send and its record, and across
/// answers that never come — proven by counting the sandbox's messages.
@Suite("Bulk jobs against the sandbox")
struct BulkJobTests {
    static let settings = BulkJobSettings(leaseDuration: .seconds(3), chunkSize: 10, pollInterval: .milliseconds(100))

    static func numbers(_ count: Int, from first: Int = 3_000_000) -> [String] {
        (0..<count).map { String(format: "+1415%07d", first + $0) }
    }

    /// The sandbox's messages from the job's sender, by recipient.
    static func sent(_ fixture: ConnectorFixture, body: String) async throws -> [String: [Message]] {
        let messages = try await fixture.client.messages.list(.init(from: "+15005550006", pageSize: 1000)).collect()
        return Dictionary(grouping: messages.filter { $0.body == body }, by: { $0.to ?? "" })
    }

    @Test(arguments: JobStores.available)
    func aSynchronousSendIsAJobThatReportsEveryRecipientOnce(_ kind: String) async throws {
        let store = try await JobStores.make(kind)
        try await ConnectorFixture.with { fixture in
            let connector = Connector(configuration: fixture.sandbox.clientConfiguration, jobStore: store, jobSettings: Self.settings)
            let numbers = Self.numbers(25)
            let result = await connector.run("sendBulkSMS", parameters: [
                "Recipients": .array((numbers + ["(415) 300-0000", "not a number"]).map(JSONValue.string)), "From": "+15005550006",
                "Body": "job sync", "MessagesPerSecond": 1000, "Concurrency": 4, "DefaultCountryCallingCode": "1",
            ])
            let fields = try #require(result.objectFields)
            let jobID = try #require(fields.text("jobId"))
            #expect(fields.text("jobStatus") == "completed")
            #expect(fields.number("sentCount") == 25)
            #expect(fields.number("invalidCount") == 1)
            #expect(fields.number("duplicateCount") == 1)
            #expect(fields.array("recipients")?.count == 26)
            let job = try #require(try await store.job(id: jobID))
            #expect(job.status == .completed && job.counts == BulkJob.Counts(sent: 25, failed: 1))
            let sent = try await Self.sent(fixture, body: "job sync")
            #expect(Set(sent.keys) == Set(numbers) && sent.values.allSatisfy { $0.count == 1 }, "every recipient exactly once")
        }
    }

    @Test func anAsynchronousSendAnswersAtOnceAndAnyRunnerFinishesIt() async throws {
        let store = try await JobStores.make("sqlite")
        try await ConnectorFixture.with { fixture in
            let connector = Connector(configuration: fixture.sandbox.clientConfiguration, jobStore: store, jobSettings: Self.settings)
            let result = await connector.run("sendBulkSMS", parameters: [
                "Recipients": .array(Self.numbers(12).map(JSONValue.string)), "From": "+15005550006", "Body": "job async",
                "MessagesPerSecond": 1000, "Async": true,
            ])
            let fields = try #require(result.objectFields)
            #expect(fields.text("jobStatus") == "running")
            let jobID = try #require(fields.text("jobId"))
            #expect(try await store.job(id: jobID)?.counts.pending == 12, "every recipient is stored before the first send")
            let progress = Mutex<[ActionProgress]>([])
            let report = try #require(try await connector.jobs?.run(jobID: jobID) { update in progress.withLock { $0.append(update) } })
            #expect(report.sentCount == 12 && report.jobStatus == "completed")
            #expect(progress.withLock { $0.last } == ActionProgress(completed: 12, total: 12, failed: 0))
            #expect(try await Self.sent(fixture, body: "job async").count == 12)
        }
    }

    @Test(arguments: JobStores.available)
    func aRunnerThatDiesBetweenSendingAndRecordingIsReconciledAndNobodyGetsTwo(_ kind: String) async throws {
        let store = try await JobStores.make(kind)
        try await ConnectorFixture.with { fixture in
            let dying = DyingTransport(sendsBeforeDeath: 7)
            let first = Connector(configuration: fixture.sandbox.clientConfiguration, transport: dying, jobStore: store,
                                  jobSettings: Self.settings, instance: "first")
            let numbers = Self.numbers(30, from: 3_100_000)
            let submitted = await first.run("sendBulkSMS", parameters: [
                "Recipients": .array(numbers.map(JSONValue.string)), "From": "+15005550006", "Body": "job crash",
                "MessagesPerSecond": 1000, "Concurrency": 3, "Async": true,
            ])
            let jobID = try #require(submitted.objectFields?.text("jobId"))
            let jobs = try #require(first.jobs)
            let runner = Task { try await jobs.run(jobID: jobID) }
            dying.runner.withLock { $0 = runner }
            _ = try? await runner.value

            let afterDeath = try #require(try await store.job(id: jobID))
            let sentBeforeDeath = try await Self.sent(fixture, body: "job crash")
            #expect(afterDeath.counts.sending >= 1, "the dead runner left sends it never recorded")
            #expect(sentBeforeDeath.count > afterDeath.counts.sent, "some of them did reach Twilio")

            // Another instance, once the lease has expired (its clock says so), takes the job over.
            let takeover = BulkJobs(store: store, client: fixture.client, settings: Self.settings, instance: "second",
                                    now: { Date().addingTimeInterval(10) })
            let report = try #require(try await takeover.run(jobID: jobID))
            #expect(report.sentCount == 30 && report.jobStatus == "completed")
            let sent = try await Self.sent(fixture, body: "job crash")
            #expect(Set(sent.keys) == Set(numbers), "every recipient")
            #expect(sent.values.allSatisfy { $0.count == 1 }, "nobody twice: \(sent.filter { $0.value.count > 1 }.keys.sorted())")
            let sids = Set(report.recipients.compactMap(\.messageSid))
            #expect(sids == Set(sent.values.flatMap { $0.compactMap(\.sid) }), "the reconciled sends carry the messages Twilio has")
        }
    }

    @Test func answersThatNeverCameAreReconciledBeforeAnyRetry() async throws {
        let store = try await JobStores.make("sqlite")
        try await ConnectorFixture.with { fixture in
            for kind in ["drop-response", "drop"] {
                #expect(try await fixture.sandboxForm(.post, "/sandbox/faults", form: [
                    ("Kind", kind), ("Method", "POST"), ("PathContains", "/Messages.json"), ("Count", "2"),
                ]) == 201)
            }
            let connector = Connector(configuration: fixture.sandbox.clientConfiguration, jobStore: store, jobSettings: Self.settings)
            let numbers = Self.numbers(8, from: 3_200_000)
            let result = await connector.run("sendBulkSMS", parameters: [
                "Recipients": .array(numbers.map(JSONValue.string)), "From": "+15005550006", "Body": "job lost answers",
                "MessagesPerSecond": 1000, "Concurrency": 1,
            ])
            let fields = try #require(result.objectFields)
            #expect(fields.number("sentCount") == 8, "\(fields.array("recipients") ?? [])")
            #expect(try await fixture.sandboxJSON("/sandbox/faults").number("injected") == 4)
            let sent = try await Self.sent(fixture, body: "job lost answers")
            #expect(Set(sent.keys) == Set(numbers) && sent.values.allSatisfy { $0.count == 1 })
            let jobID = try #require(fields.text("jobId"))
            let attempts = try await store.jobRecipients(jobID: jobID, after: -1, limit: 10).map(\.attempts)
            #expect(attempts.filter { $0 == 2 }.count == 2, "the two dropped requests were proven unsent, then sent again")
            #expect(attempts.filter { $0 == 1 }.count == 6, "the two lost answers were found, not sent again")
        }
    }

    @Test func aCanceledJobSendsNoMoreAndResumesWhereItStopped() async throws {
        let store = try await JobStores.make("sqlite")
        try await ConnectorFixture.with { fixture in
            let connector = Connector(configuration: fixture.sandbox.clientConfiguration, jobStore: store, jobSettings: Self.settings)
            let jobs = try #require(connector.jobs)
            let submitted = await connector.run("sendBulkSMS", parameters: [
                "Recipients": .array(Self.numbers(20, from: 3_300_000).map(JSONValue.string)), "From": "+15005550006",
                "Body": "job cancel", "MessagesPerSecond": 40, "Concurrency": 1, "Async": true,
            ])
            let jobID = try #require(submitted.objectFields?.text("jobId"))
            let runner = Task { try await jobs.run(jobID: jobID) }
            while try await store.job(id: jobID)?.counts.sent ?? 0 < 3 { try await Task.sleep(for: .milliseconds(20)) }
            #expect(try await jobs.cancel(jobID: jobID)?.status == .canceled)
            let stopped = try #require(try await runner.value)
            #expect(stopped.jobStatus == "canceled")
            let sentWhenCanceled = try await Self.sent(fixture, body: "job cancel").count
            #expect(sentWhenCanceled < 20)
            #expect(stopped.recipients.filter { $0.error == "not sent: the job was canceled" }.count == 20 - sentWhenCanceled)

            #expect(try await jobs.resume(jobID: jobID)?.status == .running)
            let finished = try #require(try await jobs.run(jobID: jobID))
            #expect(finished.sentCount == 20 && finished.jobStatus == "completed")
            #expect(try await Self.sent(fixture, body: "job cancel").values.allSatisfy { $0.count == 1 })
        }
    }
}

/// A transport that works until the `sendsBeforeDeath`-th message create has reached Twilio, then
/// "kills the process": cancels the runner, fails that request as if no answer came, and sends
/// nothing more. Requests already on their way complete at Twilio, as they would when a process
/// dies after writing them (their answers are lost with it).
final class DyingTransport: TwilioHTTPTransport {
    private let base = HTTP1Transport()
    private let sendsBeforeDeath: Int
    private let sends = Mutex(0)
    private let dead = Mutex(false)
    /// The runner to kill.
    let runner = Mutex<Task<BulkSendReport?, any Error>?>(nil)

    init(sendsBeforeDeath: Int) {
        self.sendsBeforeDeath = sendsBeforeDeath
    }

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        if dead.withLock({ $0 }) { throw TransportFailure(reason: "the process is dead", requestMayHaveBeenSent: false, isTimeout: false) }
        let base = base
        let completed = await Task { () async -> Result<TwilioHTTPResponse, TransportFailure> in
            do throws(TransportFailure) { return .success(try await base.execute(request, timeout: timeout)) } catch { return .failure(error) }
        }.value
        let response = try completed.get()
        guard request.method == .post, request.url.hasSuffix("/Messages.json") else { return response }
        guard sends.withLock({ $0 += 1; return $0 }) >= sendsBeforeDeath else { return response }
        dead.withLock { $0 = true }
        runner.withLock { $0 }?.cancel()
        throw TransportFailure(reason: "the process died", requestMayHaveBeenSent: true, isTimeout: false)
    }
}
