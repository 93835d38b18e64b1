import Foundation
import Logging
import TwilioKit

/// The connector: every action of the seeds in three dialects, run from JSON parameters.
/// `run` never throws: every failure comes back as `{"success": false, "error": …}`.
public struct Connector: Sendable {
    /// The connection used when a call brings none.
    public let defaultConfiguration: TwilioConfiguration?
    let transport: any TwilioHTTPTransport

    /// Creates a connector using `configuration` unless a call names its own connection.
    public init(configuration: TwilioConfiguration?, transport: any TwilioHTTPTransport = AsyncHTTPClientTransport()) {
        defaultConfiguration = configuration
        self.transport = transport
    }

    static let allActions: [DialectAction] = ComponentDialect.actions + ToolkitDialect.actions + BlockDialect.actions

    /// The actions of `dialect`, or of every dialect.
    public func actions(in dialect: ConnectorDialect? = nil) -> [ActionDescription] {
        Self.allActions.filter { dialect == nil || $0.dialect == dialect }.map(\.description)
    }

    /// The action called `name` (`sendSMS`, `twilio/v1/sendSMS`, `send_message`, `twilio_send_sms`).
    public func describe(_ name: String) -> ActionDescription? {
        Self.action(named: name)?.description
    }

    static func action(named name: String) -> DialectAction? {
        let bare = name.hasPrefix(ComponentDialect.typePrefix) ? String(name.dropFirst(ComponentDialect.typePrefix.count)) : name
        return allActions.first { $0.name == bare }
    }

    /// Runs `name` with `parameters` (a JSON object in the action's dialect). `connection` may carry
    /// `accountSid` + `authToken` (or `username`/`password`, or `apiKey`/`apiSecret` with
    /// `accountSid`), overriding the default connection for this call. `progress` hears how far a
    /// bulk send has got, after each recipient.
    public func run(_ name: String, parameters: JSONValue, connection: JSONValue? = nil,
                    progress: @escaping @Sendable (ActionProgress) -> Void = { _ in }) async -> JSONValue {
        guard let action = Self.action(named: name) else {
            return ActionEnvelope.failure(message: "Unknown action '\(name)'. `twilio-connector actions` lists them.")
        }
        guard case .object(let given) = parameters else {
            return ActionEnvelope.failure(message: "The parameters must be a JSON object.")
        }
        var raw = given
        let configuration: TwilioConfiguration
        switch ConnectionResolver.resolve(explicit: connection, parameters: &raw, fallback: defaultConfiguration) {
        case .success(let resolved): configuration = resolved
        case .failure(let failure): return ActionEnvelope.failure(failure)
        }
        let input: ActionInput
        switch ActionInput.validate(action.coreInput(raw), specs: action.core.parameters.filter { !action.hidden.contains($0.name) },
                                    rules: action.core.rules, rename: action.dialectName(of:)) {
        case .success(let validated): input = validated
        case .failure(let failure): return ActionEnvelope.failure(failure)
        }
        let context = ActionContext(client: TwilioClient(configuration: configuration, transport: transport), progress: progress)
        do {
            let outcome = try await action.core.perform(input, context)
            return ActionEnvelope.success(action.render(outcome))
        } catch .invalidInput(let issues) {
            // Checks inside an action name core parameters: report them in the caller's dialect.
            return ActionEnvelope.failure(.invalidInput(issues.map { $0.renamed(action.dialectName(of:)) }))
        } catch {
            return ActionEnvelope.failure(error)
        }
    }
}
