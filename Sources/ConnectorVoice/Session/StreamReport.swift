import TwilioKit

/// How one stream went: its call, how it ended, and the workflow's result.
public struct StreamReport: Sendable {
    /// The call, once `start` named it.
    public var start: CallStart?
    /// Why the stream ended.
    public var end: StreamEnd
    /// The workflow's result; `nil` when no workflow ran.
    public var result: [String: JSONValue]?
}
