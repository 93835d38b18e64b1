import ArgumentParser
import ConnectorStore
import Foundation
import TwilioConnector
import TwilioKit

/// `twilio-connector jobs status|cancel|resume <id>`: durable bulk jobs in the store.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Follow, cancel or resume a durable bulk job (sendBulkSMS with a store).",
        subcommands: [Status.self, Cancel.self, Resume.self])

    /// `jobs status <id>`.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Print a job's status, counts and progress.")

        @Argument(help: "The job (job_…).") var id: String
        @Flag(help: "Print every recipient's outcome (the report sendBulkSMS answers) instead.") var report = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await self.store.open()
            let shown = try await report ? BulkJobs.renderedReport(jobID: id, in: store) : store.job(id: id)?.json
            await store.close()
            guard let shown else { throw JobsCommand.unknown(id) }
            print(JSONOutput.encode(shown))
        }
    }

    /// `jobs cancel <id>`.
    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "Cancel a running job: pending recipients are set aside (resume sends them).")

        @Argument(help: "The job (job_…).") var id: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await self.store.open()
            let job = try await store.cancelJob(id: id, now: Date())
            await store.close()
            guard let job else { throw JobsCommand.unknown(id) }
            print(JSONOutput.encode(job.json))
        }
    }

    /// `jobs resume <id>`.
    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume",
            abstract: "Run a job to its end from here (a canceled one runs again), taking over chunks whose lease has expired.",
            discussion: "Sends that may have happened are reconciled against Twilio's message list first: nobody gets the message twice.")

        @Argument(help: "The job (job_…).") var id: String
        @Option(help: "Output format: text or json (default: text on a terminal, json otherwise).")
        var output: RunCommand.OutputFormat?
        @OptionGroup var store: StoreOptions
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let store = try await self.store.open()
            let (configuration, sandbox) = try await connection.resolve()
            let jobs = BulkJobs(store: store, client: TwilioClient(configuration: configuration), settings: self.store.jobSettings)
            guard try await jobs.resume(jobID: id) != nil else { throw JobsCommand.unknown(id) }
            let progressBar = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
            _ = try await jobs.run(jobID: id) { progressBar?.update($0) }
            progressBar?.finish()
            let rendered = try await BulkJobs.renderedReport(jobID: id, in: store)
            await sandbox?.stop()
            await store.close()
            guard let rendered else { throw JobsCommand.unknown(id) }
            let format = output ?? (isatty(STDOUT_FILENO) == 1 ? .text : .json)
            print(format == .json ? JSONOutput.encode(rendered) : ResultText.render(rendered))
        }
    }

    static func unknown(_ id: String) -> ValidationError {
        ValidationError("No job '\(id)' in the store.")
    }
}
