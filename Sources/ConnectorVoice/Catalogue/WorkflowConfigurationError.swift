/// Why the workflows file, or one workflow's settings, cannot be used.
public struct WorkflowConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the workflow and the setting.
    public let description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
