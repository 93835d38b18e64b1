import Foundation
import TwilioKit

/// The real-time workflows by name: the built-ins by their kind (`echo`, `play`, `record`,
/// `menu`), those of a workflows file, and workflows written in Swift.
///
/// A workflows file is a JSON object, name → `{"kind": …, "settings": {…}}`:
///
/// ```json
/// {
///   "greeting": {"kind": "play", "settings": {"file": "greeting.wav", "then": "hangup"}},
///   "voicemail": {"kind": "record", "settings": {"saveTo": "voicemail-{callSid}.wav", "maxSeconds": 120, "finishOnKey": "#"}},
///   "front-desk": {"kind": "menu", "settings": {"prompt": {"file": "menu.wav"}, "routes": {"1": "+14155550100"}}},
///   "agent": {"kind": "bridge", "settings": {"url": "wss://agent.example.com/media", "headers": {"Authorization": "Bearer …"}}}
/// }
/// ```
public struct WorkflowCatalogue: Sendable {
    private var workflows: [String: any RealtimeWorkflow]

    /// The built-ins by their kind's name, with default settings.
    public init(environment: WorkflowKind.Environment) {
        var workflows: [String: any RealtimeWorkflow] = [:]
        for kind in WorkflowKind.usableByName {
            // Default settings are always valid.
            workflows[kind.rawValue] = try? kind.workflow(WorkflowSettings(workflow: kind.rawValue, fields: [:]), environment: environment)
        }
        self.workflows = workflows
    }

    /// The built-ins and the workflows of the file at `path` (its relative file names read from its folder).
    public init(file path: String, environment: WorkflowKind.Environment) throws(WorkflowConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkflowConfigurationError("The workflows file \(path) cannot be read.")
        }
        let definitions: JSONValue
        do { definitions = try JSONParser.parse([UInt8](data)) } catch {
            throw WorkflowConfigurationError("The workflows file \(path) is not valid JSON: \(error)")
        }
        var environment = environment
        environment.directory = (path as NSString).deletingLastPathComponent.isEmpty ? environment.directory
            : ((path as NSString).deletingLastPathComponent as NSString).standardizingPath
        try self.init(definitions: definitions, environment: environment)
    }

    /// The built-ins and the workflows `definitions` (name → `{"kind", "settings"}`) describe.
    public init(definitions: JSONValue, environment: WorkflowKind.Environment) throws(WorkflowConfigurationError) {
        self.init(environment: environment)
        guard case .object(let entries) = definitions else {
            throw WorkflowConfigurationError("The workflows must be a JSON object: name → {\"kind\": …, \"settings\": {…}}.")
        }
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard Self.isValidName(name) else {
                throw WorkflowConfigurationError("workflow '\(name)': a name is letters, digits, - and _ (it is a URL segment: /streams/<name>)")
            }
            guard case .object(let fields) = entry, case .string(let kindName)? = fields["kind"] else {
                throw WorkflowConfigurationError("workflow '\(name)': must be an object with a kind (\(WorkflowKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let kind = WorkflowKind(rawValue: kindName) else {
                throw WorkflowConfigurationError("workflow '\(name)': unknown kind '\(kindName)' (the kinds are \(WorkflowKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let unknown = Set(fields.keys).subtracting(["kind", "settings"])
            guard unknown.isEmpty else { throw WorkflowConfigurationError("workflow '\(name)': unknown field \(unknown.sorted().joined(separator: ", ")) (only kind and settings)") }
            let settings: [String: JSONValue]
            switch fields["settings"] {
            case nil, .null?: settings = [:]
            case .object(let object)?: settings = object
            default: throw WorkflowConfigurationError("workflow '\(name)': settings must be an object")
            }
            workflows[name] = try kind.workflow(WorkflowSettings(workflow: name, fields: settings), environment: environment)
        }
    }

    /// This catalogue with `workflow` (written in Swift) under `name`, replacing any of that name.
    public func adding(_ name: String, _ workflow: any RealtimeWorkflow) -> WorkflowCatalogue {
        var copy = self
        copy.workflows[name] = workflow
        return copy
    }

    /// Every name, sorted.
    public var names: [String] { workflows.keys.sorted() }

    /// The workflow called `name`.
    public func workflow(named name: String) -> (any RealtimeWorkflow)? {
        workflows[name]
    }

    /// Whether `name` can name a workflow (it becomes a URL path segment).
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
