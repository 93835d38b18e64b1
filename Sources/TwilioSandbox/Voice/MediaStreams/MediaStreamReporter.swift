import Foundation
import TwilioKit

/// Reports a stream's life: in the call's event log (`stream` events whose `stream_event` is
/// `stream-started`, `stream-stopped` or `stream-error`, and `error` events with Twilio's 319xx
/// codes), and to the `<Stream statusCallback>` (`StreamEvent` with `AccountSid`, `CallSid`,
/// `StreamSid`, `StreamName`, `StreamError`, `Timestamp`), posted in order without holding up
/// the stream.
struct MediaStreamReporter: Sendable {
    let voice: VoiceState
    let call: CallRecord
    let stream: TwiML.Stream
    let streamSID: String
    private let callbacks: AsyncStream<[(String, String)]>.Continuation?

    /// A reporter whose callbacks go to `statusCallback` (an absolute URL), if any.
    init(voice: VoiceState, webhooks: WebhookDispatcher, call: CallRecord, stream: TwiML.Stream, streamSID: String,
         statusCallback: String?) {
        self.voice = voice
        self.call = call
        self.stream = stream
        self.streamSID = streamSID
        guard let statusCallback else {
            callbacks = nil
            return
        }
        let (queue, continuation) = AsyncStream.makeStream(of: [(String, String)].self)
        let method = stream.statusCallbackMethod.rawValue
        let accountSID = call.accountSID
        Task {
            for await parameters in queue {
                await webhooks.send(statusCallback, method: method, parameters: parameters, accountSID: accountSID)
            }
        }
        callbacks = continuation
    }

    /// The connection is up and `start` was sent.
    func started() async {
        await log("stream", [
            ("stream_event", "stream-started"), ("stream_sid", .string(streamSID)), ("url", .string(stream.url)),
            ("name", .optional(stream.name)), ("track", .string(stream.track.rawValue)),
            ("parameters", .object(stream.parameters.map { ($0.name, .string($0.value)) })), ("connected", true),
        ])
        post("stream-started")
    }

    /// The stream is over: the application's refused messages, an abnormal close, and what was exchanged.
    func stopped(_ result: MediaStreamSession.Result) async {
        let conversation = result.conversation
        let report = conversation.report
        for warning in report.warnings {
            await error(warning.code, warning.message)
        }
        if result.end == .connectionLost {
            await error(31903, "Stream - WebSocket - Connection Broken Pipe")
        } else if result.end == .appClosed, let code = result.closeCode, code != 1000, code != 1001 {
            await error(31921, "Stream - WebSocket - Close Error: the server closed the connection with code \(code)")
        }
        await log("stream", [
            ("stream_event", "stream-stopped"), ("stream_sid", .string(streamSID)), ("reason", .string(result.end.rawValue)),
            ("close_code", .optional(result.closeCode)), ("media_frames_sent", .int(report.mediaFramesSent)),
            ("digits_sent", .string(report.digitsSent)), ("audio_received_bytes", .int(report.audio.count)),
            ("audio_played_bytes", .int(conversation.playout.playedBytes)),
            ("audio_cleared_bytes", .int(conversation.playout.clearedBytes)),
            ("marks", .array(report.marks.map(SandboxJSON.string))), ("events", .array(report.events.map(SandboxJSON.string))),
            ("received_audio_format", "audio/x-mulaw;rate=8000;channels=1"),
            ("received_audio", .string(Data(report.audio).base64EncodedString())),
        ])
        post("stream-stopped")
        callbacks?.finish()
    }

    /// The stream could not start: Twilio's error `code`.
    func failed(_ code: Int, _ message: String) async {
        await error(code, message)
        await log("stream", [
            ("stream_event", "stream-error"), ("stream_sid", .string(streamSID)), ("url", .string(stream.url)),
            ("error_code", .int(code)), ("connected", false),
        ])
        post("stream-error", error: message)
        callbacks?.finish()
    }

    /// Logs a Twilio error for this stream.
    func error(_ code: Int, _ message: String) async {
        await log("error", [("code", .int(code)), ("message", .string(message)), ("stream_sid", .string(streamSID)),
                            ("url", .string(stream.url))])
    }

    /// Queues the `<Stream statusCallback>` for `event`.
    private func post(_ event: String, error: String? = nil) {
        var parameters = [
            ("AccountSid", call.accountSID), ("CallSid", call.sid), ("StreamSid", streamSID),
            ("StreamName", stream.name ?? streamSID), ("StreamEvent", event),
        ]
        if let error { parameters.append(("StreamError", error)) }
        parameters.append(("Timestamp", TwilioDateFormat.iso8601String(from: Date())))
        callbacks?.yield(parameters)
    }

    /// Appends an event of `type` to the call's log.
    private func log(_ type: String, _ details: [(String, SandboxJSON)]) async {
        await voice.log(call.sid, CallEvent(type, details))
    }
}
