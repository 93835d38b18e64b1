import Metrics

/// What the voice layer reports through swift-metrics.
enum VoiceMetrics {
    /// The media streams open now (`connector_open_streams{kind="media"}`).
    static func openStreams() -> Meter {
        Meter(label: "connector_open_streams", dimensions: [("kind", "media")])
    }

    /// A stream ended, by how (`stopped`, `closed`, `workflow-finished`, `protocol-error`, `refused`).
    static func streamEnded(_ end: StreamEnd) {
        let outcome = switch end {
        case .stopped: "stopped"
        case .closed: "closed"
        case .workflowFinished: "workflow-finished"
        case .protocolError: "protocol-error"
        case .refused: "refused"
        }
        Counter(label: "connector_streams_total", dimensions: [("outcome", outcome)]).increment()
    }
}
