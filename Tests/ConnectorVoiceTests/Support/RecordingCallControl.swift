import ConnectorVoice
import Synchronization
import TwilioKit

/// A ``CallControl`` that records what a workflow asked of the call.
final class RecordingCallControl: CallControl {
    private let updates = Mutex<[CallUpdateParameters]>([])
    private let recordings = Mutex<[String]>([])

    var requests: [CallUpdateParameters] { updates.withLock { $0 } }
    var recordingRequests: [String] { recordings.withLock { $0 } }

    func update(callSid: String, _ parameters: CallUpdateParameters) async throws(TwilioError) {
        updates.withLock { $0.append(parameters) }
    }

    func startRecording(callSid: String) async throws(TwilioError) -> String {
        recordings.withLock { $0.append("start") }
        return "RE" + String(repeating: "d", count: 32)
    }

    func stopRecording(callSid: String, recordingSid: String) async throws(TwilioError) {
        recordings.withLock { $0.append("stop \(recordingSid)") }
    }
}

/// A workflow made of a closure, for tests.
struct ClosureWorkflow: RealtimeWorkflow {
    let body: @Sendable (RealtimeCall) async throws -> [String: JSONValue]

    init(_ body: @escaping @Sendable (RealtimeCall) async throws -> [String: JSONValue]) {
        self.body = body
    }

    func run(_ call: RealtimeCall) async throws -> [String: JSONValue] {
        try await body(call)
    }
}
