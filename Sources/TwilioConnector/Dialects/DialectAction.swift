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
    /// The core action's names, parameters (with the dialect's own, such as `AccountSid`) and rules.
    let core: ActionSignature
    /// Dialect parameter name → core parameter name; unlisted names are the same in both.
    let parameterNames: [String: String]
    /// Other names the dialect accepts for a core parameter (alias → core name): another
    /// platform's spelling, shown in the schema beside the parameter's own name.
    let aliases: [String: String]
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
                 aliases: [String: String] = [:], extra: [DialectParameter] = [], hidden: Set<String> = [],
                 defaults: [String: JSONValue] = [:], prepare: @escaping @Sendable ([String: JSONValue]) -> [String: JSONValue] = { $0 },
                 outputSchema: JSONValue, example: JSONValue, render: @escaping @Sendable (Output) -> [String: JSONValue]) {
        let signature = core.signature
        self.name = name
        self.dialect = dialect
        self.core = ActionSignature(name: signature.name, title: signature.title, summary: signature.summary,
                                    parameters: signature.parameters + extra.map(\.spec), rules: signature.rules)
        self.parameterNames = parameterNames
        self.aliases = aliases
        self.hidden = hidden
        self.defaults = defaults
        self.prepare = prepare
        self.outputSchema = outputSchema
        self.example = example
        visibleParameters = self.core.parameters.filter { !hidden.contains($0.name) }
        perform = { input, context throws(ActionFailure) in
            for parameter in extra { try parameter.check(input, context) }
            return render(try await core.perform(input, context))
        }
    }

    /// The dialect's name of a core parameter.
    func dialectName(of coreName: String) -> String {
        parameterNames.first { $0.value == coreName }?.key ?? coreName
    }

    /// The input with core parameter names; refused when a parameter is given under two of its
    /// names (its own and an alias).
    func coreInput(_ input: [String: JSONValue]) -> Result<[String: JSONValue], ActionFailure> {
        var renamed: [String: JSONValue] = [:]
        var givenNames: [String: [String]] = [:]
        for (name, value) in input {
            let core = coreName(of: name)
            if ActionInput.isAbsent(value) {
                if renamed[core] == nil { renamed[core] = value }
                continue
            }
            givenNames[core, default: []].append(name)
            renamed[core] = value
        }
        let issues = givenNames.values.filter { $0.count > 1 }.map {
            ValidationIssue(parameter: $0.sorted().joined(separator: ", "), rule: "name the same parameter: give one", kind: .combination)
        }
        guard issues.isEmpty else { return .failure(.invalidInput(issues)) }
        for (name, value) in defaults where ActionInput.isAbsent(renamed[name]) { renamed[name] = value }
        return .success(prepare(renamed))
    }

    /// The dialect's name of each core parameter as `input` spells it: the alias it used, if any.
    func names(in input: [String: JSONValue]) -> @Sendable (String) -> String {
        let used = Dictionary(input.keys.compactMap { name in aliases[name].map { ($0, name) } }, uniquingKeysWith: { first, _ in first })
        return { [self] coreName in used[coreName] ?? dialectName(of: coreName) }
    }

    /// The core name of a dialect parameter name or alias.
    private func coreName(of name: String) -> String {
        aliases[name] ?? parameterNames[name] ?? name
    }

    /// What `describe` shows: the aliases are properties too, each with its parameter's schema.
    var description: ActionDescription {
        var inputSchema = core.inputSchema(rename: dialectName(of:), hiding: hidden, defaults: defaults)
        if case .object(var schema) = inputSchema, case .object(var properties)? = schema["properties"] {
            for (alias, coreName) in aliases {
                guard case .object(var property)? = properties[dialectName(of: coreName)] else { continue }
                property["description"] = .string("Another name of \(dialectName(of: coreName)). " + (property["description"]?.scalarText ?? ""))
                properties[alias] = .object(property)
            }
            schema["properties"] = .object(properties)
            inputSchema = .object(schema)
        }
        return ActionDescription(name: name, dialect: dialect, title: core.title, summary: core.summary,
                                 inputSchema: inputSchema, outputSchema: outputSchema, example: example)
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
