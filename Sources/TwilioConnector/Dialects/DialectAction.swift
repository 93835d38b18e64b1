import TwilioKit

/// The three ways the seeds present Twilio actions; a workflow written for any of them runs here.
public enum ConnectorDialect: String, Sendable, CaseIterable, Codable {
    /// `twilio/v1/<action>` components with Twilio-cased parameters (seeds 002, 003, 004).
    case component
    /// The agent toolkit's snake_case actions with `{success, error, <resource>}` outputs (seed 001); also the MCP tools.
    case toolkit
    /// The workflow block's camelCase parameters and flat outputs (seed 000).
    case block
}

/// How one dialect presents one core action: its name, its parameter names, its output shape.
/// Built from a `CoreAction<Output>` and a renderer of that `Output`, then erased: the compiler
/// checks the pair once, here, and the catalogue holds actions of every output type.
struct DialectAction: Sendable {
    /// The dialect's name for the action.
    let name: String
    let dialect: ConnectorDialect
    /// The core action's names, parameters and rules.
    let core: ActionSignature
    /// Dialect parameter name → core parameter name; unlisted names are the same in both.
    let parameterNames: [String: String]
    /// Core parameters this dialect does not offer.
    let hidden: Set<String>
    /// Core parameters whose default differs in this dialect (shown in its schema, applied when absent).
    let defaults: [String: JSONValue]
    /// Rewrites the dialect's input (already renamed to core names) before validation.
    let prepare: @Sendable ([String: JSONValue]) -> [String: JSONValue]
    /// Runs the core action and renders its output: the success fields.
    let perform: @Sendable (ActionInput, ActionContext) async throws(ActionFailure) -> [String: JSONValue]
    /// The JSON Schema of the success output.
    let outputSchema: JSONValue
    /// An example input.
    let example: JSONValue
    /// The parameters this dialect offers (the core's, less the hidden ones).
    let visibleParameters: [ParameterSpec]

    init<Output>(_ name: String, dialect: ConnectorDialect, core: CoreAction<Output>, parameterNames: [String: String] = [:],
                 hidden: Set<String> = [], defaults: [String: JSONValue] = [:],
                 prepare: @escaping @Sendable ([String: JSONValue]) -> [String: JSONValue] = { $0 },
                 outputSchema: JSONValue, example: JSONValue, render: @escaping @Sendable (Output) -> [String: JSONValue]) {
        self.name = name
        self.dialect = dialect
        self.core = core.signature
        self.parameterNames = parameterNames
        self.hidden = hidden
        self.defaults = defaults
        self.prepare = prepare
        self.outputSchema = outputSchema
        self.example = example
        visibleParameters = core.signature.parameters.filter { !hidden.contains($0.name) }
        perform = { input, context throws(ActionFailure) in render(try await core.perform(input, context)) }
    }

    /// The dialect's name of a core parameter.
    func dialectName(of coreName: String) -> String {
        parameterNames.first { $0.value == coreName }?.key ?? coreName
    }

    /// The input with core parameter names.
    func coreInput(_ input: [String: JSONValue]) -> [String: JSONValue] {
        var renamed: [String: JSONValue] = [:]
        for (name, value) in input { renamed[parameterNames[name] ?? name] = value }
        for (name, value) in defaults where ActionInput.isAbsent(renamed[name]) { renamed[name] = value }
        return prepare(renamed)
    }

    /// What `describe` shows.
    var description: ActionDescription {
        ActionDescription(name: name, dialect: dialect, title: core.title, summary: core.summary,
                          inputSchema: core.inputSchema(rename: dialectName(of:), hiding: hidden, defaults: defaults),
                          outputSchema: outputSchema, example: example)
    }
}

/// An action as one dialect presents it: names, schemas and an example.
public struct ActionDescription: Sendable, Encodable {
    public let name: String
    public let dialect: ConnectorDialect
    public let title: String
    public let summary: String
    public let inputSchema: JSONValue
    public let outputSchema: JSONValue
    public let example: JSONValue
}
