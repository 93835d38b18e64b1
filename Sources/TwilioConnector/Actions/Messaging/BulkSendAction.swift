import ConnectorStore
import Foundation
import TwilioKit

extension MessagingActions {
    /// sendBulkSMS: one body to many recipients, normalised and de-duplicated, paced per sender.
    /// The message every recipient gets, bound to CreateMessage's fields.
    static let bulkMessageParameters: [RequestParameter<Create>] = [
        .string("From", \.from, .address, "The sender (its type sets the default pace: long code 1/s, toll-free 3/s, short code 30/s)."),
        .string("MessagingServiceSid", \.messagingServiceSid, .sid("MG"), "A Messaging Service that picks senders (default pace 10/s)."),
        .string("Body", \.body, .maxLength(1600), required: true, "The text, up to 1600 characters."),
        .list("MediaUrl", \.mediaURLs, maxCount: 10, item: .url, "Up to 10 media URLs."),
        .string("StatusCallback", \.statusCallback, .url, "Where Twilio posts each message's status changes."),
    ]

    /// sendBulkSMS: one body to many recipients, normalised and de-duplicated, paced per sender.
    static let sendBulkSMS = CoreAction(
        "sendBulkSMS", title: "Send Bulk SMS",
        summary: "Send one message to many recipients: de-duplicated, paced at the sender's throughput, each recipient reported.",
        parameters: [
            .init("Recipients", .stringList(maxCount: 100_000, item: .nonEmpty), required: true,
                  "Recipients: an array, or one string separated by commas or new lines."),
        ] + bulkMessageParameters.specs() + [
            .init("DefaultCountryCallingCode", .string(.nonEmpty), "The calling code for numbers written without one (\"1\" reads (415) 555-0100 as +14155550100)."),
            .init("MessagesPerSecond", .number(0.1...1000), "Override the pace."),
            .init("Concurrency", .integer(1...50), default: 8, "The most requests in flight at once."),
            trackStatus,
            .init("Async", .boolean, default: false,
                  "With the connector's store: answer at once with the JobId (GET /jobs/<id> follows the job) instead of waiting for the report."),
        ],
        rules: [.exactlyOne(["From", "MessagingServiceSid"])]
    ) { input, context throws(ActionFailure) in
        let template = tracked(bulkMessageParameters.request(input, from: blankMessage), input, context)
        let sender = BulkSender(input: input, template: template, client: context.client)
        guard let jobs = context.jobs else { return await sender.send(progress: context.progress) }
        return try await sendAsJob(sender, template: template, input: input, jobs: jobs, progress: context.progress)
    }

    /// sendBulkSMS as a durable job: written to the store before the first send, then run here
    /// (with any other instance taking over if this one dies) — or, with `Async`, left to the
    /// instances' job workers.
    static func sendAsJob(_ sender: BulkSender, template: Create, input: ActionInput, jobs: BulkJobs,
                          progress: @escaping @Sendable (ActionProgress) -> Void) async throws(ActionFailure) -> BulkSendReport {
        let names = Set(bulkMessageParameters.specs().map(\.name))
        var message = input.values.filter { names.contains($0.key) }
        message["StatusCallback"] = template.statusCallback.map(JSONValue.string)
        let report: BulkSendReport?
        do throws(StoreError) {
            let job = try await jobs.submit(sender, message: message)
            if input.bool("Async") == true {
                return BulkSendReport(recipients: [], duplicateCount: 0, messagesPerSecond: sender.pace, jobID: job.id,
                                      jobStatus: job.status.rawValue)
            }
            report = try await jobs.run(jobID: job.id, progress: progress)
        } catch {
            throw .other("The bulk job could not be stored or followed: \(error)")
        }
        guard let report else { throw .other("The bulk job vanished from the store.") }
        return report
    }
}

/// Sends one message to each distinct, valid recipient with bounded concurrency and a fixed pace.
/// 429s and 503s are retried by the client (Twilio did not act on them); a create that may have
/// reached Twilio is reported, never sent again.
struct BulkSender: Sendable {
    let recipients: [String]
    let defaultCountryCallingCode: String?
    let template: MessageCreateParameters
    let client: TwilioClient
    let pace: Double
    let concurrency: Int

    /// A sender of `template` (everything but the recipient) to the input's recipients.
    init(input: ActionInput, template: MessageCreateParameters, client: TwilioClient) {
        recipients = input.strings("Recipients")
        defaultCountryCallingCode = input.string("DefaultCountryCallingCode")
        self.template = template
        pace = input.double("MessagesPerSecond")
            ?? SendPacer.defaultRate(from: input.string("From"), messagingService: input.has("MessagingServiceSid"))
        concurrency = input.int("Concurrency") ?? 8
        self.client = client.withRetryPolicy(Self.patientPolicy(client.configuration.retryPolicy))
    }

    /// A job of thousands meets rate limiting in bursts: each recipient gets up to ten attempts
    /// (429s and 503s mean Twilio did not act, so they are always safe to retry), within the
    /// policy's deadline. A policy without retries stays without.
    static func patientPolicy(_ policy: RetryPolicy) -> RetryPolicy {
        var patient = policy
        if policy.maximumAttempts > 1 { patient.maximumAttempts = max(policy.maximumAttempts, 10) }
        return patient
    }

    /// The recipients as the report lists them (normalised; invalid ones with their error;
    /// duplicates dropped and counted), and those to send to, by their place in the report.
    func prepare() -> (report: BulkSendReport, pending: [(index: Int, to: String)]) {
        var seen = Set<String>()
        var report = BulkSendReport(recipients: [], duplicateCount: 0, messagesPerSecond: pace)
        var pending: [(index: Int, to: String)] = []
        for given in recipients {
            switch Self.normalise(given, defaultCountryCallingCode: defaultCountryCallingCode) {
            case .success(let to):
                guard seen.insert(to).inserted else { report.duplicateCount += 1; continue }
                pending.append((report.recipients.count, to))
                report.recipients.append(.init(given: given, to: to, mayHaveBeenSent: false))
            case .failure(let issue):
                report.recipients.append(.init(given: given, error: issue.description, mayHaveBeenSent: false))
            }
        }
        return (report, pending)
    }

    /// Sends to every recipient; `progress` hears after each one (invalid ones count at once).
    func send(progress: @Sendable (ActionProgress) -> Void = { _ in }) async -> BulkSendReport {
        var (report, pending) = prepare()
        var done = ActionProgress(completed: report.invalidCount, total: report.recipients.count, failed: report.invalidCount)
        progress(done)
        let pacer = SendPacer(messagesPerSecond: pace, executor: client.preferredTaskExecutor)
        let entries = pending.map { (index: $0.index, to: $0.to, entry: report.recipients[$0.index]) }
        await BulkConcurrency.forEach(entries, limit: concurrency, on: pacer.executor, work: { next in
            (next.index, await send(to: next.to, entry: next.entry, pacer: pacer))
        }, collect: { (index: Int, outcome: BulkSendReport.Recipient) in
            report.recipients[index] = outcome
            done.completed += 1
            if outcome.messageSid == nil { done.failed += 1 }
            ConnectorMetrics.bulkRecipient(sent: outcome.messageSid != nil)
            progress(done)
        })
        return report
    }

    private func send(to: String, entry: BulkSendReport.Recipient, pacer: SendPacer) async -> BulkSendReport.Recipient {
        var entry = entry
        do {
            try await pacer.nextSlot()
        } catch {
            entry.error = "canceled before sending"
            return entry
        }
        var parameters = template
        parameters.to = to
        do {
            let message = try await client.messages.create(parameters)
            entry.messageSid = message.sid
            entry.from = message.from
            entry.status = message.status?.rawValue
        } catch {
            entry.error = error.description
            entry.errorCode = error.code
            entry.mayHaveBeenSent = error.kind == .noAnswer && error.requestMayHaveBeenSent
        }
        return entry
    }

    /// A recipient as Twilio takes it: E.164 (spaces, dashes, dots and parentheses removed) or a
    /// channel address.
    static func normalise(_ given: String, defaultCountryCallingCode: String?) -> Result<String, ValidationIssue> {
        let trimmed = given.trimmingSpaces
        func invalid(_ error: some Error) -> ValidationIssue {
            ValidationIssue(parameter: "Recipients", rule: "item is not an E.164 number or channel address: \(error)", value: given)
        }
        if trimmed.utf8.contains(UInt8(ascii: ":")) {
            do { return .success(try ChannelAddress(trimmed).description) } catch { return .failure(invalid(error)) }
        }
        do {
            return .success(try E164PhoneNumber(normalizing: trimmed, defaultCountryCallingCode: defaultCountryCallingCode).description)
        } catch {
            return .failure(invalid(error))
        }
    }
}
