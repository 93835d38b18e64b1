import ArgumentParser
import ConnectorServer
import Foundation
import Logging
import TwilioConnector
import TwilioKit

/// `twilio-connector run <action> Key=Value… | --json FILE|-`: runs one action and prints its result.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one action; exit status 0 only when it succeeds.",
        discussion: "Parameters as Key=Value pairs (repeat a key for a list), or a JSON object with --json FILE (- reads standard input).")

    @Argument(help: "The action, in any dialect.")
    var action: String

    @Argument(help: "Parameters as Key=Value.")
    var parameters: [String] = []

    @Option(name: .customLong("json"), help: "Read the parameters from a JSON file (- for standard input).")
    var jsonFile: String?

    @Option(help: "Output format: text or json (default: text on a terminal, json otherwise).")
    var output: OutputFormat?

    @Option(name: .customLong("public-url"),
            help: "With subWorkflow and Twilio credentials: the public URL at which Twilio reaches this command's --port (also TWILIO_CONNECTOR_PUBLIC_URL).")
    var publicURL: String?

    @Option(help: "With subWorkflow and Twilio credentials: the loopback port the connector's routes listen on, behind --public-url.")
    var port = 8080

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var workflows: WorkflowOptions

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if jsonFile != nil, !parameters.isEmpty { throw ValidationError("Give parameters as Key=Value or with --json, not both.") }
        for pair in parameters where !pair.contains("=") {
            throw ValidationError("'\(pair)' is not Key=Value.")
        }
    }

    func run() async throws {
        let catalogue = Connector(configuration: nil)
        guard catalogue.action(named: action) != nil else {
            FileHandle.standardError.write(Data("Error: \(catalogue.unknownAction(action, listedBy: "`twilio-connector actions`"))\n".utf8))
            throw ExitCode(2)
        }
        let input = try readParameters()
        let (configuration, sandbox) = try await connection.resolve()
        // A real-time call (subWorkflow) needs the connector's routes for Twilio's stream and callbacks.
        var realtime: LoopbackRealtimeConnector?
        if case .object(let fields) = input, case .string(let workflow)? = fields["subWorkflow"], !workflow.isEmpty {
            var logger = Logger(label: "twilio-connector.run")
            logger.logLevel = .warning
            let publicURL = PublicURL.resolve(publicURL)
            do {
                realtime = try await workflows.loopbackConnector(configuration: configuration, sandbox: sandbox, publicURL: publicURL, port: port,
                                                                 logger: logger)
            } catch {
                await sandbox?.stop()
                throw error
            }
        }
        let connector = realtime?.connector ?? Connector(configuration: configuration)
        let progressBar = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        let result = await connector.run(action, parameters: input) { progress in
            progressBar?.update(progress)
        }
        progressBar?.finish()
        await realtime?.stop()
        await sandbox?.stop()
        let format = output ?? (isatty(STDOUT_FILENO) == 1 ? .text : .json)
        print(format == .json ? JSONOutput.encode(result) : ResultText.render(result))
        if case .object(let fields) = result, fields["success"] == .bool(true) { return }
        throw ExitCode.failure
    }

    private func readParameters() throws -> JSONValue {
        if let jsonFile {
            let data = jsonFile == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: jsonFile))
            let source = jsonFile == "-" ? "Standard input" : jsonFile
            let value: JSONValue
            do { value = try JSONParser.parse(Array(data)) } catch {
                throw ValidationError("\(source) is not valid JSON: \(error)")
            }
            guard case .object = value else { throw ValidationError("\(source) is not a JSON object.") }
            return value
        }
        var fields: [String: JSONValue] = [:]
        for pair in parameters {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]), value = JSONValue.string(String(parts[1]))
            switch fields[key] {
            case nil: fields[key] = value
            case .array(let values)?: fields[key] = .array(values + [value])
            case let existing?: fields[key] = .array([existing, value])
            }
        }
        return .object(fields)
    }
}
