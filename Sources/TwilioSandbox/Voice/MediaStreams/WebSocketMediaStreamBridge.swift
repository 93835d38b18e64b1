import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import TwilioKit

/// The sandbox's side of `<Connect><Stream>`: opens a WebSocket to the application's server and
/// speaks Twilio's bidirectional Media Streams protocol on it (see ``MediaStreamConversation``),
/// streaming the caller's audio (``MediaStreamAudio``, at most the call's remaining time) and
/// pressing the handset's next queued digits, until the audio is over, the application closes
/// the connection, or the call ends. What the application sent back comes back in the outcome
/// and in the call's event log (`stream-stopped`, with the µ-law audio in base64).
///
/// Failures are Twilio's: 31941 (a track other than `inbound_track`), 31922/31923 (not a
/// `wss://` URL; `ws://` is accepted for local servers), 31901/31902/31904/31910/31920 (the
/// connection or handshake failed); the TwiML then goes on.
struct WebSocketMediaStreamBridge: MediaStreamBridge {
    let audio: MediaStreamAudio
    let voice: VoiceState
    let handsets: HandsetDirectory
    let webhooks: WebhookDispatcher
    let logger: Logger

    func run(_ stream: TwiML.Stream, call: CallRecord) async -> MediaStreamOutcome {
        let streamSID = SID.make("MZ")
        var statusCallback = stream.statusCallback
        if let url = statusCallback, !CallCreateRequest.isAbsoluteURL(url) {
            await voice.log(call.sid, CallEvent("error", [
                ("code", 11200), ("url", .string(url)),
                ("message", "The <Stream> statusCallback must be an absolute URL: the sandbox does not resolve relative ones"),
            ]))
            statusCallback = nil
        }
        let reporter = MediaStreamReporter(voice: voice, webhooks: webhooks, call: call, stream: stream, streamSID: streamSID,
                                           statusCallback: statusCallback)
        if let problem = Self.problem(with: stream) {
            await reporter.failed(problem.code, problem.message)
            return .empty
        }
        let conversation = await conversation(for: stream, call: call, streamSID: streamSID)
        let token = await webhooks.accounts.authToken(of: call.accountSID) ?? ""
        let session = MediaStreamSession(url: stream.url, signature: TwilioRequestValidator(authToken: token).signature(url: stream.url),
                                         frameInterval: audio.frameInterval, logger: logger)
        let (events, continuation) = AsyncStream.makeStream(of: MediaStreamSession.Event.self)
        // The session runs on its own task, so that ending the call stops the stream with a
        // `stop` message instead of tearing the connection down.
        let task = Task {
            try await session.run(conversation, events: events, continuation: continuation, onStarted: { await reporter.started() })
        }
        let result = await withTaskCancellationHandler {
            await task.result
        } onCancel: {
            continuation.yield(.hangUp)
        }
        continuation.finish()
        switch result {
        case .success(let finished):
            await reporter.stopped(finished)
            let report = finished.conversation.report
            return MediaStreamOutcome(audio: report.audio, marks: report.marks, events: report.events)
        case .failure(let error):
            let failure = Self.failure(error)
            await reporter.failed(failure.code, failure.message)
            return .empty
        }
    }

    /// The conversation for `call`: the caller's audio, at most the call's remaining time, and
    /// the handset's next queued digits.
    private func conversation(for stream: TwiML.Stream, call: CallRecord, streamSID: String) async -> MediaStreamConversation {
        let remaining = max(0, Double(call.timeLimit) - call.talkSeconds)
        let callerAudio: CallerAudio
        do {
            callerAudio = try CallerAudio(audio, maximumSeconds: remaining)
        } catch {
            await voice.log(call.sid, CallEvent("error", [
                ("message", .string("The sandbox's mediaStreamAudio could not be read (\(error)): the caller stays silent")),
            ]))
            callerAudio = CallerAudio(silenceOf: min(audio.seconds, remaining))
        }
        let digits = await handsets.nextAnswer(.digits, for: call.handset) ?? ""
        return MediaStreamConversation(streamSID: streamSID, call: call, stream: stream, audio: callerAudio, digits: digits)
    }

    /// What Twilio refuses before connecting: a track other than `inbound_track` on `<Connect>`,
    /// a URL that is not a WebSocket URL.
    static func problem(with stream: TwiML.Stream) -> (code: Int, message: String)? {
        guard stream.track == .inboundTrack else {
            return (31941, "Stream - Invalid Track configuration: <Connect><Stream> supports only track=\"inbound_track\"")
        }
        guard let url = URL(string: stream.url), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return (31923, "Stream - WebSocket - Malformed URL: \(stream.url)")
        }
        guard scheme == "wss" || scheme == "ws" else {
            return (31922, "Stream - WebSocket - URL Schema Not Supported: \(scheme)")
        }
        return nil
    }

    /// Twilio's error for a connection that could not be made.
    static func failure(_ error: any Error) -> (code: Int, message: String) {
        if let error = error as? WebSocketClientError {
            if error == .webSocketUpgradeFailed {
                return (31920, "Stream - WebSocket - Handshake Error: the server answered the upgrade request with a status other than 101")
            }
            if error == .invalidURL { return (31923, "Stream - WebSocket - Malformed URL") }
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return (31901, "Stream - WebSocket - Connection Timeout")
        }
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.isEmpty
                ? (31904, "Stream - WebSocket - Host Unreachable")
                : (31902, "Stream - WebSocket - Connection Refused")
        }
        if error is NIOSSLError { return (31910, "Stream - WebSocket - SSL Protocol Error: \(error)") }
        return (31900, "Stream - Unknown Error: \(error)")
    }
}
