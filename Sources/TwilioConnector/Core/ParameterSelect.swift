import TwilioKit

/// A select that says which of several kinds of field a call gives, as seed 004's component
/// offers them: `Source` 1 (a sender number, `From`) or 2 (a Messaging Service), `Content` 1 (a
/// text), 2 (media) or 3 (a Content template). The select is optional; when given, the fields it
/// selects must be the ones given.
public struct ParameterSelect: Sendable {
    /// One choice of the select: its value and the fields it stands for.
    public struct Option: Sendable {
        /// The select's value (1, 2, …).
        public let value: Int
        /// The fields of this option (core names).
        public let fields: [String]
    }

    /// The select's name.
    public let name: String
    /// What it chooses between.
    public let summary: String
    /// Its options, numbered from 1.
    public let options: [Option]

    /// A select over `options`, each the fields of one choice, numbered 1, 2, … in order.
    init(_ name: String, _ summary: String, options: [[String]]) {
        self.name = name
        self.summary = summary
        self.options = options.enumerated().map { Option(value: $0.offset + 1, fields: $0.element) }
    }

    /// The select as a parameter: a whole number among the options' values.
    var spec: ParameterSpec {
        let choices = options.map { "\($0.value) = \($0.fields.joined(separator: " + "))" }.joined(separator: ", ")
        return ParameterSpec(name, .integer(1...options.count), "\(summary): \(choices). The fields of the option chosen must be given, and no field of another.")
    }

    /// The rule that the select agrees with the fields given.
    var rule: CrossRule { .select(self) }

    /// Why the select's value (in `values`) does not agree with the fields given, or `nil`.
    func disagreement(values: [String: JSONValue], rename: (String) -> String) -> String? {
        guard let value = values[name]?.integerValue, let chosen = options.first(where: { $0.value == value }) else { return nil }
        func list(_ names: [String]) -> String { names.map(rename).joined(separator: ", ") }
        let missing = chosen.fields.filter { values[$0] == nil }
        let others = options.filter { $0.value != value }.flatMap(\.fields).filter { values[$0] != nil && !chosen.fields.contains($0) }
        var problems: [String] = []
        if !missing.isEmpty { problems.append("\(list(missing)) \(missing.count == 1 ? "is" : "are") not given") }
        if !others.isEmpty { problems.append("\(list(others)) \(others.count == 1 ? "is" : "are") given, which \(rename(name)) does not select") }
        guard !problems.isEmpty else { return nil }
        return "is \(value), which selects \(list(chosen.fields)), but " + problems.joined(separator: " and ")
    }
}
