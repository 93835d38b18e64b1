/// Why a media stream ended.
public enum StreamEnd: Sendable, Equatable, CustomStringConvertible {
    /// Twilio sent `stop`: the call ended or moved on.
    case stopped
    /// The connection closed without a `stop`.
    case closed
    /// The workflow finished and its audio played; the connector closed the stream.
    case workflowFinished
    /// Twilio's side broke the protocol: a malformed message, or audio that is not 8 kHz µ-law.
    case protocolError(String)
    /// The stream was not allowed: its one-time token does not match the call.
    case refused(String)

    public var description: String {
        switch self {
        case .stopped: "Twilio stopped the stream"
        case .closed: "the connection closed"
        case .workflowFinished: "the workflow finished"
        case .protocolError(let reason): "protocol error: \(reason)"
        case .refused(let reason): "refused: \(reason)"
        }
    }

    /// How the connector closes the connection for this end.
    var close: MediaStreamClose {
        switch self {
        case .stopped, .closed, .workflowFinished: .normal
        case .protocolError(let reason): .protocolError(reason)
        case .refused(let reason): .policyViolation(reason)
        }
    }
}
