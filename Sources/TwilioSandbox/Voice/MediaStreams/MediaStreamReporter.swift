import Foundation
import TwilioKit

/// Reports a stream's life: in the call's event log (`stream` events whose `stream_event` is
/// `stream-started`, `stream-stopped` or `stream-error`, `error` events with Twilio's 319xx codes
/// and their `level`, and a `warning` for a dropped query string), and to the
/// `<Stream statusCallback>` (`StreamEvent` with `AccountSid`, `CallSid`, `StreamSid`,
/// `StreamName`, `StreamError`, `Timestamp`), posted in order without holding up the stream.
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

    /// What the sandbox made of the `<Stream>` before connecting: a dropped query string (a
    /// `warning` event: Twilio has no code for it) and `<Parameter>`s left out (12200).
    func checked(_ target: MediaStreamTarget) async {
        if let query = target.droppedQuery {
            await log("warning", [
                ("message", "The <Stream> url does not support query string parameters: the stream connects without them; pass values with <Parameter>"),
                ("stream_sid", .string(streamSID)), ("url", .string(stream.url)), ("dropped_query", .string(query)),
                ("connected_url", .string(target.url)),
            ])
        }
        for warning in target.warnings {
            await error(warning)
        }
    }

    /// The connection is up: `start` is on its way.
    func started() async {
        await log("stream", [
            ("stream_event", "stream-started"), ("stream_sid", .string(streamSID)), ("url", .string(stream.url)),
            ("name", .optional(stream.name)), ("track", .string(stream.track.rawValue)),
            ("parameters", .object(stream.parameters.map { ($0.name, .string($0.value)) })), ("connected", true),
        ])
        post("stream-started")
    }

    /// The stream is over: the application's refused messages, the error that ended it or an
    /// abnormal close, and what was exchanged. A stream that failed is reported `stream-error`
    /// to the status callback, any other `stream-stopped`.
    func stopped(_ result: MediaStreamSession.Result) async {
        let conversation = result.conversation
        let report = conversation.report
        for warning in report.warnings {
            await error(warning)
        }
        let failure = Self.failure(of: result)
        if let failure { await error(failure) }
        await log("stream", [
            ("stream_event", "stream-stopped"), ("stream_sid", .string(streamSID)), ("reason", .string(result.end.rawValue)),
            ("close_code", .optional(result.closeCode)), ("media_frames_sent", .int(report.mediaFramesSent)),
            ("digits_sent", .string(report.digitsSent)), ("audio_received_bytes", .int(report.audio.count)),
            ("audio_played_bytes", .int(conversation.playout.playedBytes)),
            ("audio_cleared_bytes", .int(conversation.playout.clearedBytes)),
            ("audio_discarded_bytes", .int(conversation.playout.discardedBytes)),
            ("marks", .array(report.marks.map(SandboxJSON.string))), ("events", .array(report.events.map(SandboxJSON.string))),
            ("received_audio_format", "audio/x-mulaw;rate=8000;channels=1"),
            ("received_audio", .string(Data(report.audio).base64EncodedString())),
        ])
        if result.end == .protocolError, let failure {
            post("stream-error", error: failure.message)
        } else {
            post("stream-stopped")
        }
        callbacks?.finish()
    }

    /// The error a finished stream ended with: the protocol error that ended it (31924), the
    /// connection breaking (31903), or the application closing with an abnormal code (31921).
    private static func failure(of result: MediaStreamSession.Result) -> MediaStreamError? {
        switch result.end {
        case .protocolError:
            return result.conversation.report.failure
        case .connectionLost:
            return .brokenPipe
        case .appClosed:
            guard let code = result.closeCode, code != 1000, code != 1001 else { return nil }
            return .closeError(code: code)
        case .audioEnded, .timeLimit, .callEnded:
            return nil
        }
    }

    /// The stream could not start: Twilio's `error`.
    func failed(_ error: MediaStreamError) async {
        await self.error(error)
        await log("stream", [
            ("stream_event", "stream-error"), ("stream_sid", .string(streamSID)), ("url", .string(stream.url)),
            ("error_code", .int(error.code)), ("connected", false),
        ])
        post("stream-error", error: error.message)
        callbacks?.finish()
    }

    /// Logs a Twilio error or warning for this stream.
    func error(_ error: MediaStreamError) async {
        await log("error", [("code", .int(error.code)), ("level", .string(error.level.rawValue)), ("message", .string(error.message)),
                            ("stream_sid", .string(streamSID)), ("url", .string(stream.url))])
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
