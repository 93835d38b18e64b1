import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import TwilioKit

/// The sandbox's side of `<Connect><Stream>`: opens a WebSocket to the application's server and
/// speaks Twilio's bidirectional Media Streams protocol on it (see ``MediaStreamLifecycle`` and
/// ``MediaStreamConversation``), streaming the caller's audio (``MediaStreamAudio``, at most the
/// call's remaining time, at the ``MediaStreamPace``), pressing the handset's next queued digits
/// and any it presses during the call (``ConnectedStreams``), until the caller hangs up, the time
/// limit, the application closes the connection or breaks the protocol, or the call ends or
/// leaves the `<Connect>`. What the application sent back comes back in the outcome and in the
/// call's event log (`stream-stopped`, with the µ-law audio in base64).
///
/// Failures are Twilio's (``MediaStreamError``): 31941 (a track other than `inbound_track`),
/// 31922/31923 (not a `wss://` URL; `ws://` is accepted for local servers),
/// 31901/31902/31904/31910/31920 (the connection or handshake failed); the TwiML then goes on.
struct WebSocketMediaStreamBridge: MediaStreamBridge {
    let audio: MediaStreamAudio
    let pace: MediaStreamPace
    let voice: VoiceState
    let handsets: HandsetDirectory
    let webhooks: WebhookDispatcher
    let connectedStreams: ConnectedStreams
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
        let target: MediaStreamTarget
        do {
            target = try MediaStreamTarget(stream)
        } catch {
            await reporter.failed(error)
            return .empty
        }
        await reporter.checked(target)
        let conversation = await conversation(for: target, call: call, streamSID: streamSID)
        let token = await webhooks.accounts.authToken(of: call.accountSID) ?? ""
        let session = MediaStreamSession(url: target.url, signature: TwilioRequestValidator(authToken: token).signature(url: target.url),
                                         pace: pace, logger: logger)
        let (events, continuation) = AsyncStream.makeStream(of: MediaStreamSession.Event.self)
        let connectedStreams = connectedStreams
        // The session runs on its own task, so that ending the call stops the stream with a
        // `stop` message instead of tearing the connection down.
        let task = Task {
            try await session.run(conversation, events: events, continuation: continuation, onConnected: {
                await connectedStreams.connect(streamSID, of: call.sid) { continuation.yield(.keyPresses($0)) }
                await reporter.started()
            })
        }
        let result = await withTaskCancellationHandler {
            await task.result
        } onCancel: {
            continuation.yield(.hangUp)
        }
        continuation.finish()
        await connectedStreams.disconnect(streamSID, of: call.sid)
        switch result {
        case .success(let finished):
            await reporter.stopped(finished)
            let report = finished.conversation.report
            return MediaStreamOutcome(audio: report.audio, marks: report.marks, events: report.events, end: finished.end,
                                      framesSent: report.mediaFramesSent)
        case .failure(let error):
            await reporter.failed(Self.failure(error))
            return .empty
        }
    }

    /// The conversation for `call`: the caller's audio, at most the call's remaining time, and
    /// the handset's next queued digits.
    private func conversation(for target: MediaStreamTarget, call: CallRecord, streamSID: String) async -> MediaStreamConversation {
        let remaining = max(0, Double(call.timeLimit) - call.talkSeconds)
        let callerAudio: CallerAudio
        do {
            callerAudio = try CallerAudio(audio, maximumSeconds: remaining)
        } catch {
            await voice.log(call.sid, CallEvent("error", [
                ("message", .string("The sandbox's mediaStreamAudio could not be read (\(error)): the caller stays silent")),
            ]))
            callerAudio = CallerAudio(silenceOf: audio.seconds, maximumSeconds: remaining)
        }
        let digits = await handsets.nextAnswer(.digits, for: call.handset) ?? ""
        return MediaStreamConversation(streamSID: streamSID, call: call, customParameters: target.customParameters,
                                       audio: callerAudio, digits: digits)
    }

    /// Twilio's error for a connection that could not be made.
    static func failure(_ error: any Error) -> MediaStreamError {
        if let error = error as? WebSocketClientError {
            if error == .webSocketUpgradeFailed { return .handshakeError }
            if error == .invalidURL { return .malformedURL(nil) }
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .connectionTimeout
        }
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.isEmpty ? .hostUnreachable : .connectionRefused
        }
        if error is NIOSSLError { return .sslProtocolError("\(error)") }
        return .unknown("\(error)")
    }
}
