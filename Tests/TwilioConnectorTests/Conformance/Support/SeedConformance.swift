import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// One seed entry held to the connector against the sandbox: the inputs the seed makes (its example
/// with realistic values where it has `""`, or the parameters it lists), the connector's answer to
/// them, and whether the answer has every documented output in its documented type.
struct SeedConformance {
    let entry: SeedEntry
    let fixture: ConnectorFixture
    /// The connector's action answering for the entry.
    let action: ActionDescription
    private let values: SeedValues

    init(_ entry: SeedEntry, action: ActionDescription, fixture: ConnectorFixture) {
        self.entry = entry
        self.action = action
        self.fixture = fixture
        values = SeedValues(world: SeedWorld(fixture))
    }

    /// The advertised input schema's properties.
    var properties: [String: JSONValue] { action.inputSchema.objectFields?["properties"]?.objectFields ?? [:] }

    /// The parameters the connector requires.
    var required: Set<String> {
        guard case .array(let names)? = action.inputSchema.objectFields?["required"] else { return [] }
        return Set(names.compactMap(\.scalarText))
    }

    /// A realistic value of the documented parameter `name`, in its documented shape.
    func value(for name: String) async throws -> JSONValue {
        let documented = entry.parameters.first { $0.name == name }?.type
        guard let value = try await values.value(for: name, type: documented, schema: properties[name]) else {
            throw SeedWorld.Failure(description: "no realistic value for \(name): add one to SeedValues")
        }
        return value
    }

    /// The input to run: the seed's example with every `""` of a shown field filled in; where the
    /// seed has no example, the parameters it lists (all of them when it has a Required column,
    /// else those the connector requires), with the editor's controls at their first option and
    /// the fields they show.
    func example() async throws -> [String: JSONValue] {
        if entry.example != nil {
            var input = entry.exampleParameters
            for (name, given) in input where given == "" && isShown(name, in: input) { input[name] = try await value(for: name) }
            return input
        }
        let hasRequiredColumn = entry.parameters.contains { $0.required != nil }
        let controls = SeedEditorConditions.controls(of: action.name)
        var input: [String: JSONValue] = [:]
        for parameter in entry.parameters where controls.contains(parameter.name) {
            input[parameter.name] = try await value(for: parameter.name)
        }
        let chosen = { (name: String) in SeedEditorConditions.condition(of: name, in: action.name).map { input[$0.control] != nil } ?? false }
        for parameter in entry.parameters where input[parameter.name] == nil && isShown(parameter.name, in: input)
            && (hasRequiredColumn || required.contains(parameter.name) || chosen(parameter.name)) {
            input[parameter.name] = try await value(for: parameter.name)
        }
        return input
    }

    /// `example` with the documented parameter `name` given: its control is first set to show it,
    /// and the fields that control then hides are removed.
    func probe(_ name: String, in example: [String: JSONValue]) async throws -> [String: JSONValue] {
        var input = example
        if let condition = SeedEditorConditions.condition(of: name, in: action.name),
           input[condition.control] != nil || entry.parameters.contains(where: { $0.name == condition.control }) {
            input[condition.control] = condition.value
            for field in input.keys where !isShown(field, in: input) { input[field] = nil }
        }
        input[name] = try await value(for: name)
        return input
    }

    /// Runs the action with `input`, by the example's `type` when the seed gives one. A WhatsApp
    /// send's recipient writes first, as a customer does before a business answers: WhatsApp takes
    /// free-form text only within 24 hours of the customer's last message (63016 otherwise).
    func run(_ input: [String: JSONValue]) async -> [String: JSONValue] {
        if action.name.lowercased().contains("whatsapp"), let to = (input["To"] ?? input["to"])?.scalarText,
           case let number = to.replacingOccurrences(of: "whatsapp:", with: ""), number.hasPrefix("+") {
            try? await fixture.whatsAppUserWrites(number)
        }
        let name = entry.example?.objectFields?["type"]?.scalarText ?? action.name
        return await fixture.run(name, .object(input))
    }

    /// Why the advertised schema does not take `value` for `name` (empty when it does).
    func schemaProblems(_ name: String, _ value: JSONValue) -> [String] {
        guard let property = properties[name] else { return ["\(name) is not in \(action.name)'s input schema"] }
        return JSONSchemaValidator(root: property).errors(in: value).map { "\(name): \($0)" }
    }

    /// Refusals of `name` for its name or its shape in `result` ("SendAt must be …").
    static func refusals(of name: String, in result: [String: JSONValue]) -> [String] {
        (result.array("invalidParameters") ?? []).compactMap(\.objectFields).filter { issue in
            ["unknown", "invalid"].contains(issue.text("kind") ?? "")
                && (issue.text("parameter") ?? "").components(separatedBy: ", ").contains(name)
        }.map { "\($0.text("parameter") ?? "") \($0.text("rule") ?? "")" }
    }

    /// Why `result` lacks a documented output field or has one of another type (empty when it
    /// has them all). Fields the seed lists without names (004) are counted by shape in the
    /// advertised output schema, and those of the result in such a shape must have it.
    func outputProblems(_ result: [String: JSONValue]) -> [String] {
        var problems: [String] = []
        for field in entry.outputs {
            guard let name = field.name else { continue }
            guard let value = result[name] else { problems.append("\(name) is missing"); continue }
            if let problem = field.type.problem(with: value, at: name) { problems.append(problem) }
        }
        let unnamed = entry.outputs.filter { $0.name == nil }.map(\.type)
        guard !unnamed.isEmpty else { return problems }
        let schema = (action.outputSchema.objectFields?["properties"]?.objectFields ?? [:]).compactMapValues(Self.seedType)
        let wanted = Dictionary(unnamed.map { (Self.shape($0), 1) }, uniquingKeysWith: +)
        let offered = Dictionary(schema.values.map { (Self.shape($0), 1) }, uniquingKeysWith: +)
        for (shape, count) in wanted.sorted(by: { $0.key < $1.key }) where offered[shape, default: 0] < count {
            problems.append("the output schema has \(offered[shape, default: 0]) fields of the shape \(shape); the seed lists \(count)")
        }
        for (name, type) in schema.sorted(by: { $0.key < $1.key }) where wanted[Self.shape(type)] != nil {
            guard let value = result[name] else { problems.append("\(name) is missing"); continue }
            if let problem = type.problem(with: value, at: name) { problems.append(problem) }
        }
        return problems
    }

    /// The seeds' type of a schema property (`{"type": "object", "properties": …}` → `{…}`); a
    /// nullable type (`["string", "null"]`) is its non-null one, since the seeds mark no field null.
    static func seedType(_ schema: JSONValue) -> SeedType? {
        let fields = schema.objectFields ?? [:]
        let type: String? = if case .array(let types)? = fields["type"] {
            types.compactMap(\.scalarText).first { $0 != "null" }
        } else {
            fields["type"]?.scalarText
        }
        switch type {
        case "string": return .string
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        case "array": return .array(fields["items"].flatMap(seedType) ?? .json)
        case "object":
            let properties = (fields["properties"]?.objectFields ?? [:]).sorted { $0.key < $1.key }
            return .object(properties.compactMap { name, property in seedType(property).map { .init(name: name, type: $0) } })
        default: return nil
        }
    }

    /// A type's shape for counting: properties by name, a date-time's text as a string.
    static func shape(_ type: SeedType) -> String {
        switch type {
        case .dateTime: SeedType.string.description
        case .array(let item): "[\(shape(item))]"
        case .object(let properties):
            "{" + properties.sorted { $0.name < $1.name }.map { "\(shape($0.type))(\($0.name))" }.joined(separator: ", ") + "}"
        default: type.description
        }
    }

    private func isShown(_ field: String, in input: [String: JSONValue]) -> Bool {
        SeedEditorConditions.isShown(field, of: action.name, in: input)
    }
}
