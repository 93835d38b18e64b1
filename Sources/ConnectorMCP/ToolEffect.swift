import MCP

/// What calling a tool does to the world, which decides its MCP annotations and whether
/// `--read-only` keeps it.
public enum ToolEffect: String, Sendable, CaseIterable {
    /// Reads Twilio or the event store; calling it again changes nothing.
    case reads
    /// Reads, waiting for something to happen first: nothing changes, but each call may answer
    /// something new.
    case waits
    /// Creates or changes something in the account (a Verify service, a checked code).
    case changes
    /// Deletes something for good.
    case deletes
    /// Reaches people outside: sends a real SMS, places a real call (costs money).
    case reachesPeople

    /// Whether the tool leaves everything as it was.
    public var isReadOnly: Bool { self == .reads || self == .waits }

    /// The MCP annotations saying so, every hint set explicitly (an absent hint means its
    /// pessimistic default to clients).
    public func annotations(title: String) -> Tool.Annotations {
        Tool.Annotations(title: title, readOnlyHint: isReadOnly, destructiveHint: self == .deletes,
                         idempotentHint: self == .reads || self == .deletes, openWorldHint: self == .reachesPeople)
    }
}
