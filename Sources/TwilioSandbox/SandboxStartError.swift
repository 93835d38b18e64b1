/// The sandbox could not start.
public struct SandboxStartError: Error, CustomStringConvertible {
    /// Why.
    public let reason: String
    public var description: String { "The sandbox could not start: \(reason)" }
}
