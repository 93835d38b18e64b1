import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

// What the Media Streams suites share: a sandbox whose calls stream a given caller's audio, calls
// that connect to a stream, and readers of a call's event log.

extension MediaStreamAudio {
    /// One second of the caller's speech-like audio, ten times faster than real time.
    static let oneSecondFast = MediaStreamAudio(source: .speechLike, seconds: 1, speedUp: 10)
    /// A minute of a tone, twice as fast as real time: far longer than the tests whose app ends
    /// the stream once it has seen what it waits for, so they do not race the audio.
    static let longTone = MediaStreamAudio(source: .tone(frequency: 440), seconds: 60, speedUp: 2)
}

/// Runs `body` with a sandbox whose calls stream `audio` into `<Connect><Stream>`.
func withStreamingSandbox(_ audio: MediaStreamAudio = .oneSecondFast, _ body: (SandboxFixture) async throws -> Void) async throws {
    let server = try await SandboxServer.start(.init(port: 0, statusStep: .milliseconds(20), mediaStreamAudio: audio))
    let sandbox = SandboxFixture(server: server, client: TwilioClient(configuration: server.clientConfiguration))
    do {
        try await body(sandbox)
        await server.stop()
    } catch {
        await server.stop()
        throw error
    }
}

/// `<Connect><Stream url>` with a `customer` parameter, `after` it the rest of the document.
func connectStream(_ url: String, attributes: String = "", connect: String = "", after: String = "") -> String {
    "<Response><Connect\(connect)><Stream url=\"\(url)\"\(attributes)><Parameter name=\"customer\" value=\"42\"/></Stream></Connect>\(after)</Response>"
}

/// The first `stream` event whose `stream_event` is `name`.
func streamEvent(_ name: String, in events: [[String: Any]]) -> [String: Any]? {
    events.first { $0["type"] as? String == "stream" && $0["stream_event"] as? String == name }
}

/// The codes of the `error` events, in order.
func errorCodes(in events: [[String: Any]]) -> [Int] {
    events.filter { $0["type"] as? String == "error" }.compactMap { $0["code"] as? Int }
}

/// The `type`s of the events, in order.
func eventTypes(in events: [[String: Any]]) -> [String] {
    events.compactMap { $0["type"] as? String }
}

extension SandboxFixture {
    /// Places a call from the magic caller ID to `to` running `twiml`; its SID.
    func call(twiml: String, to: String = "+14155559876", recordDual: Bool = false, timeLimit: Int? = nil) async throws -> String {
        let call = try await client.calls.create(.init(to: to, from: "+15005550006", instructions: .twiml(twiml),
                                                       record: recordDual ? true : nil, recordingChannels: recordDual ? .dual : nil,
                                                       timeLimit: timeLimit))
        return call.sid ?? ""
    }

    /// The call once it has completed.
    func completed(_ sid: String) async throws -> Call {
        try await eventually({ try await client.calls.fetch(sid) }) { $0.status == .completed }
    }

    /// The call's event log from `/sandbox/calls/{sid}/events`.
    func callEvents(_ sid: String) async throws -> [[String: Any]] {
        try await inspect(.get, "/sandbox/calls/\(sid)/events").json["events"] as? [[String: Any]] ?? []
    }
}
