import TwilioKit

/// A result as indented `key: value` lines, for people.
enum ResultText {
    static func render(_ value: JSONValue) -> String {
        var lines: [String] = []
        if case .object(let fields) = value {
            let success = fields["success"] == .bool(true)
            lines.append(success ? "✔ success" : "✘ failed: \(fields["error"].flatMap(text) ?? "unknown error")")
            for key in fields.keys.sorted() where !["success", "error"].contains(key) {
                append(key, fields[key] ?? .null, indent: 1, to: &lines)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Long lists (a bulk send's recipients) show the items that failed, else their first few:
    /// the summary fields around them tell the totals.
    private static let longList = 20

    private static func shownItems(of items: [JSONValue]) -> [(Int, JSONValue)] {
        let numbered = Array(items.enumerated())
        guard items.count > longList else { return numbered }
        let failed = numbered.filter { _, item in
            if case .object(let fields) = item, let error = fields["error"], error != .null { true } else { false }
        }
        return Array((failed.isEmpty ? numbered : failed).prefix(longList))
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): String(flag)
        case .null: "—"
        default: nil
        }
    }

    private static func append(_ key: String, _ value: JSONValue, indent: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let fields):
            lines.append("\(pad)\(key):")
            for name in fields.keys.sorted() { append(name, fields[name] ?? .null, indent: indent + 1, to: &lines) }
        case .array(let items):
            lines.append("\(pad)\(key): (\(items.count))")
            let shown = shownItems(of: items)
            for (index, item) in shown { append("[\(index)]", item, indent: indent + 1, to: &lines) }
            if shown.count < items.count {
                lines.append("\(pad)  … \(items.count - shown.count) more not shown (--output json lists every one)")
            }
        default:
            lines.append("\(pad)\(key): \(text(value) ?? "")")
        }
    }
}
