import Foundation
import Logging
import TwilioKit
@testable import TwilioSandbox

/// One `<Connect><Stream>` run straight on the sandbox's ``WebSocketMediaStreamBridge``, for a
/// live call of its own, with a ``ManualPace``: the test decides when each 20 ms frame is due.
struct StreamBench {
    let voice: VoiceState
    let connectedStreams = ConnectedStreams()
    let pace = ManualPace()
    let call: CallRecord
    let bridge: WebSocketMediaStreamBridge

    /// A bench whose caller talks for `seconds` (a tone), in a call with `timeLimit` seconds left.
    init(seconds: Double = 600, timeLimit: Int = 14_400) throws {
        let logger = Logger(label: "stream-bench")
        voice = try VoiceState(store: nil)
        let accounts = try AccountDirectory(accountSID: SandboxConfiguration.defaultAccountSID,
                                            authToken: SandboxConfiguration.defaultAuthToken, store: nil)
        call = .live(timeLimit: timeLimit)
        bridge = WebSocketMediaStreamBridge(
            audio: MediaStreamAudio(source: .tone(frequency: 440), seconds: seconds), pace: pace.pace, voice: voice,
            handsets: HandsetDirectory(),
            webhooks: WebhookDispatcher(accounts: accounts, log: WebhookLog(), logger: logger),
            connectedStreams: connectedStreams, logger: logger)
    }

    /// Runs `stream` in the background; cancelling the task is the call ending.
    func run(_ stream: TwiML.Stream) -> Task<MediaStreamOutcome, Never> {
        let bridge = bridge
        let call = call
        return Task { await bridge.run(stream, call: call) }
    }

    /// Runs a stream to `app` in the background and waits until `app` has its `start`; returns
    /// the running stream and the messages `app` had by then.
    func start(_ app: MediaStreamApp) async throws -> (run: Task<MediaStreamOutcome, Never>, opened: [MediaStreamInboundMessage]) {
        let run = run(.init(url: app.url))
        return (run, try await app.waitFor { $0.contains { $0.event == "start" } })
    }

    /// The call's event log, as the inspection API shows it.
    func events() async -> [[String: Any]] {
        await voice.events(of: call.sid).compactMap { event in
            (try? JSONSerialization.jsonObject(with: Data(event.json.serialized.utf8))) as? [String: Any]
        }
    }
}

extension CallRecord {
    /// An answered outbound call of the sandbox's main account, with `timeLimit` seconds.
    static func live(timeLimit: Int = 14_400) -> CallRecord {
        let now = Date()
        return CallRecord(
            sid: SID.make("CA"), accountSID: SandboxConfiguration.defaultAccountSID, parentCallSID: nil, to: "+14155559876",
            from: "+15005550006", phoneNumberSID: nil, status: .inProgress, direction: .outboundAPI, instructions: nil,
            statusCallback: nil, statusCallbackEvents: [], timeout: 60, timeLimit: timeLimit, machineDetection: nil,
            answeredBy: nil, forwardedFrom: nil, callerName: nil, recording: nil, apiOrigin: "http://127.0.0.1/api",
            dateCreated: now, dateUpdated: now)
    }
}
