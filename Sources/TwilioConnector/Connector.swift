import ConnectorStore
import Foundation
import Logging
import TwilioKit

/// The connector: every action of the seeds in three dialects, run from JSON parameters.
/// `run` never throws: every failure comes back as `{"success": false, "error": …}`.
public struct Connector: Sendable {
    /// The connection used when a call brings none.
    public let defaultConfiguration: TwilioConfiguration?
    let transport: any TwilioHTTPTransport
    /// The client of the default connection, made once.
    let defaultClient: TwilioClient?
    /// Where Twilio reaches this connector's webhooks (`https://hooks.example.com`), once known;
    /// `nil` when it cannot (no public URL).
    let webhookBaseURL: @Sendable () -> String?
    /// Where actions may write files.
    let fileAccess: FileAccess
    /// Durable bulk jobs on the default connection, when the connector has a store.
    public let jobs: BulkJobs?
    /// Runs the real-time workflows of calls (makeCall's `subWorkflow`), if this connector has them.
    let realtime: (any RealtimeCallService)?

    /// Creates a connector using `configuration` unless a call names its own connection. When
    /// `webhookBaseURL` gives a URL, messages sent report their status to the `messageStatus`
    /// trigger there (unless a call sets `TrackStatus` to false or names its own `StatusCallback`).
    /// `fileAccess` says where actions may write files (a recording's `SaveTo`). With a
    /// `jobStore`, bulk sends on the default connection are durable jobs in it. `realtime` runs
    /// makeCall's real-time workflows (`subWorkflow`); without it such calls are refused.
    public init(configuration: TwilioConfiguration?, transport: any TwilioHTTPTransport = HTTP1Transport(),
                webhookBaseURL: @escaping @Sendable () -> String? = { nil }, fileAccess: FileAccess = .anywhere,
                jobStore: (any ConnectorStore)? = nil, jobSettings: BulkJobSettings = BulkJobSettings(),
                instance: String = BulkJobs.defaultInstance, realtime: (any RealtimeCallService)? = nil) {
        defaultConfiguration = configuration
        self.realtime = realtime
        self.transport = transport
        self.webhookBaseURL = webhookBaseURL
        self.fileAccess = fileAccess
        let defaultClient = configuration.map { TwilioClient(configuration: $0, transport: transport) }
        self.defaultClient = defaultClient
        jobs = jobStore.flatMap { store in
            defaultClient.map { BulkJobs(store: store, client: $0, settings: jobSettings, instance: instance) }
        }
    }

    static let allActions: [DialectAction] = ComponentDialect.actions + ToolkitDialect.actions + BlockDialect.actions

    /// Every action by its name in its dialect (names are unique across dialects).
    private static let actionsByName = Dictionary(allActions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The actions of `dialect`, or of every dialect.
    public func actions(in dialect: ConnectorDialect? = nil) -> [ActionDescription] {
        Self.allActions.filter { dialect == nil || $0.dialect == dialect }.map(\.description)
    }

    /// The action called `name` (`sendSMS`, `twilio/v1/sendSMS`, `send_message`, `twilio_send_sms`).
    public func describe(_ name: String) -> ActionDescription? {
        Self.action(named: name)?.description
    }

    /// The action called `name`, found once, to run with ``run(_:parameters:connection:progress:)``.
    public func action(named name: String) -> ConnectorAction? {
        Self.action(named: name).map(ConnectorAction.init)
    }

    /// "Unknown action 'name'. Did you mean …?" naming the closest actions and where `list` lists them all.
    public func unknownAction(_ name: String, listedBy list: String) -> String {
        NameSuggestions.unknown("action", name, in: Self.allActions.map(\.name), listedBy: list)
    }

    static func action(named name: String) -> DialectAction? {
        let bare = name.hasPrefix(ComponentDialect.typePrefix) ? String(name.dropFirst(ComponentDialect.typePrefix.count)) : name
        return actionsByName[bare]
    }

    /// Runs `name` with `parameters` (a JSON object in the action's dialect); see
    /// ``run(_:parameters:connection:progress:)``.
    public func run(_ name: String, parameters: JSONValue, connection: JSONValue? = nil, logger: Logger? = nil,
                    progress: @escaping @Sendable (ActionProgress) -> Void = { _ in }) async -> JSONValue {
        guard let action = action(named: name) else {
            return ActionEnvelope.failure(message: unknownAction(name, listedBy: "`twilio-connector actions`"))
        }
        return await run(action, parameters: parameters, connection: connection, logger: logger, progress: progress)
    }

    /// Why `connection` (a call's `connection` object) cannot be used, or `nil` when it can.
    public func problem(withConnection connection: JSONValue) -> String? {
        ConnectionResolver.problem(with: connection)
    }

    /// Runs `action` with `parameters` (a JSON object in the action's dialect). `connection` may
    /// carry `accountSid` + `authToken` (or `username`/`password`, or `apiKey`/`apiSecret` with
    /// `accountSid`), overriding the default connection for this call. `progress` hears how far a
    /// bulk send has got, after each recipient. `logger` (a request's) hears the action's Twilio
    /// requests and its outcome, at debug level.
    public func run(_ action: ConnectorAction, parameters: JSONValue, connection: JSONValue? = nil, logger: Logger? = nil,
                    progress: @escaping @Sendable (ActionProgress) -> Void = { _ in }) async -> JSONValue {
        let envelope = await envelope(of: action.action, parameters: parameters, connection: connection, logger: logger, progress: progress)
        ConnectorMetrics.action(action.name, envelope: envelope)
        logger?.debug("Ran an action", metadata: ["action": "\(action.name)", "success": "\(envelope.objectFields?["success"] ?? .null)"])
        return envelope
    }

    private func envelope(of action: DialectAction, parameters: JSONValue, connection: JSONValue?, logger: Logger?,
                          progress: @escaping @Sendable (ActionProgress) -> Void) async -> JSONValue {
        guard case .object(let given) = parameters else {
            return ActionEnvelope.failure(message: "The parameters must be a JSON object.")
        }
        var raw = given
        if let connection, let problem = ConnectionResolver.problem(with: connection) {
            return ActionEnvelope.failure(.invalidInput([ValidationIssue(parameter: "connection", rule: problem)]), in: action.dialect)
        }
        // The connection's own parameters (accountSid, authToken) leave `raw` first; its problems
        // are reported after the parameters', which a caller can fix without a connection.
        let connectionResult = ConnectionResolver.resolve(explicit: connection, parameters: &raw, fallback: defaultConfiguration)
        let input: ActionInput
        let rename = action.names(in: raw)
        switch action.coreInput(raw).flatMap({ ActionInput.validate($0, specs: action.visibleParameters, rules: action.core.rules,
                                                                     rename: rename) }) {
        case .success(let validated): input = validated
        case .failure(let failure): return ActionEnvelope.failure(failure, in: action.dialect)
        }
        var client: TwilioClient
        var jobs: BulkJobs?
        switch connectionResult {
        case .success(let given?): client = TwilioClient(configuration: given, transport: transport)
        case .success(nil):
            guard let defaultClient else { return ActionEnvelope.failure(.other("No Twilio connection."), in: action.dialect) }
            client = defaultClient
            jobs = self.jobs
        case .failure(let failure): return ActionEnvelope.failure(failure, in: action.dialect)
        }
        if let logger { client = client.withLogger(logger) }
        let context = ActionContext(client: client, webhookBaseURL: webhookBaseURL(), fileAccess: fileAccess, progress: progress, jobs: jobs,
                                    realtime: realtime)
        do {
            return ActionEnvelope.success(try await action.perform(input, context))
        } catch .invalidInput(let issues) {
            // Checks inside an action name core parameters: report them in the caller's dialect.
            return ActionEnvelope.failure(.invalidInput(issues.map { $0.renamed(rename) }), in: action.dialect)
        } catch {
            return ActionEnvelope.failure(error, in: action.dialect)
        }
    }
}

/// An action found by name: run it with ``Connector/run(_:parameters:connection:progress:)``
/// without looking it up again.
public struct ConnectorAction: Sendable {
    let action: DialectAction
    /// Its name in its dialect.
    public var name: String { action.name }
    /// Its dialect.
    public var dialect: ConnectorDialect { action.dialect }
    /// Its names, schemas and example (built when asked for).
    public var description: ActionDescription { action.description }
}
