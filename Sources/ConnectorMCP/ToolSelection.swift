import Foundation

/// Which tools a server exposes: `--tools a,b,c` names them, `--read-only` keeps only those
/// without side effects. Both together keep the named tools that are read-only.
public struct ToolSelection: Sendable, Equatable {
    /// The tools named, or `nil` for every tool.
    public var names: Set<String>?
    /// Whether only read-only tools are exposed.
    public var readOnly: Bool

    /// Every tool.
    public static let all = ToolSelection()

    /// Creates a selection.
    public init(names: Set<String>? = nil, readOnly: Bool = false) {
        self.names = names
        self.readOnly = readOnly
    }

    /// A selection from a command line: `list` names tools separated by commas (`nil` for every
    /// tool).
    public init(list: String?, readOnly: Bool) {
        let names = list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        self.init(names: names.map(Set.init), readOnly: readOnly)
    }

    /// Whether the tool called `name`, with `effect`, is exposed.
    public func includes(_ name: String, effect: ToolEffect) -> Bool {
        (names?.contains(name) ?? true) && (!readOnly || effect.isReadOnly)
    }
}
