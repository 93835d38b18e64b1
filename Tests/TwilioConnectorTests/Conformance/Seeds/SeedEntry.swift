import Testing
import TwilioKit

/// What one seed documents about one action or trigger: derived from the document, so a new seed
/// adds cases without new code.
struct SeedEntry: Sendable, CustomTestStringConvertible {
    /// Whether the entry is an action or a trigger.
    enum Kind: String, Sendable {
        case action
        case trigger
    }

    /// A documented parameter.
    struct Parameter: Sendable {
        /// The name a workflow uses.
        let name: String
        /// The label shown to people (the name itself when the seed gives no other).
        let label: String
        let type: SeedType
        /// Whether the seed marks it required; `nil` when the seed has no such column.
        let required: Bool?
    }

    /// A documented output field; the reference seed (004) lists types without names.
    struct OutputField: Sendable {
        let name: String?
        let type: SeedType
    }

    /// The document (`002_…txt`).
    let seed: String
    let dialect: SeedDialect
    let kind: Kind
    /// The documented name; `nil` when the seed gives none (the block seed's tables).
    let name: String?
    /// The documented title (`Send SMS`), or a description of the entry.
    let title: String
    let parameters: [Parameter]
    /// The "Example JSON Structure" (component seeds).
    let example: JSONValue?
    let outputs: [OutputField]
    /// Whether the seed says the output is dynamic (known only by running).
    let dynamicOutput: Bool
    /// The response's JSON Schema (the toolkit seed).
    let responseSchema: JSONValue?
    /// Cells the parser could not read (a type it does not know): a test fails on any.
    let unreadable: [String]

    var testDescription: String { "\(seed.prefix(3)) \(kind.rawValue) \(name ?? title)" }

    /// The documented example's `parameters` object (empty when the seed gives no example).
    var exampleParameters: [String: JSONValue] {
        example?.objectFields?["parameters"]?.objectFields ?? [:]
    }
}

/// Which of the connector's dialects a seed documents.
enum SeedDialect: String, Sendable {
    /// `twilio/v1/<action>` components (seeds 002, 003, 004).
    case component
    /// The agent toolkit (seed 001).
    case toolkit
    /// The workflow block (seed 000).
    case block
}
