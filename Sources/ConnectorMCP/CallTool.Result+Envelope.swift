import MCP
import TwilioKit

extension CallTool.Result {
    /// A tool's answer from the connector's envelope. Success: the envelope as
    /// `structuredContent` (it validates against the tool's output schema) and as JSON text.
    /// Failure: `isError` with the envelope's `error` (which names the parameter and the rule of
    /// an invalid input), then the whole envelope as JSON text (`invalidParameters`, `errorCode`, …).
    init(envelope: JSONValue) {
        let text = Tool.Content.text(text: envelope.compactText, annotations: nil, _meta: nil)
        guard envelope.objectFields?["success"] == .bool(true) else {
            let error = envelope.objectFields?["error"].flatMap { if case .string(let message) = $0 { message } else { nil } }
            self.init(content: [.text(text: error ?? "The tool failed.", annotations: nil, _meta: nil), text], isError: true)
            return
        }
        let structured: Value? = Value(envelope)
        self.init(content: [text], structuredContent: structured, isError: false)
    }
}
