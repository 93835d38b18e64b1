import TwilioKit

/// The life of one media stream: Twilio's messages in, the workflow's end, the connection's close —
/// each a transition that says what the session does next. Holds no audio and does no I/O.
///
/// `connected` → `start` (checked: µ-law at 8000 Hz, mono) → `media`, `dtmf`, `mark`… → `stop`;
/// when the workflow finishes first, the stream drains (its queued audio plays) and then closes.
struct StreamSessionStateMachine {
    enum State: Equatable {
        /// Before `start` (and whether `connected` came).
        case awaitingStart(connected: Bool)
        /// The workflow runs.
        case streaming(streamSid: String)
        /// The workflow finished; its queued audio plays out before the connection closes.
        case draining(streamSid: String)
        /// Over.
        case ended(StreamEnd)
    }

    /// What the session does with a message from Twilio.
    enum Action: Equatable {
        /// Nothing.
        case none
        /// Check the stream's token, then start the workflow.
        case startWorkflow(CallStart, token: String?)
        /// Hand the audio just read to the workflow.
        case deliverAudio
        /// Hand this event to the workflow.
        case deliver(RealtimeCallEvent)
        /// Twilio echoed a mark.
        case markEchoed(String)
        /// The stream is over: finish the workflow's events and close the connection.
        case end(StreamEnd)
    }

    /// The `<Parameter>` that carries the connector's one-time stream token.
    static let tokenParameter = "StreamToken"

    private(set) var state = State.awaitingStart(connected: false)

    /// The stream SID once started.
    var streamSid: String? {
        switch state {
        case .streaming(let sid), .draining(let sid): sid
        case .awaitingStart, .ended: nil
        }
    }

    var isEnded: Bool {
        if case .ended = state { true } else { false }
    }

    /// A message decoded by the `Codable` path.
    mutating func receive(_ message: MediaStreamInboundMessage) -> Action {
        switch message {
        case .connected:
            if case .awaitingStart = state { state = .awaitingStart(connected: true) }
            return .none
        case .start(let start):
            return receiveStart(start)
        case .media(let media):
            return receiveMedia(streamSidMatches: media.streamSid == streamSid)
        case .dtmf(let dtmf):
            switch state {
            case .streaming: return .deliver(.digit(dtmf.dtmf.digit))
            case .awaitingStart: return fail("a dtmf message came before start")
            case .draining, .ended: return .none
            }
        case .mark(let mark):
            switch state {
            case .streaming, .draining: return .markEchoed(mark.mark.name)
            case .awaitingStart: return fail("a mark message came before start")
            case .ended: return .none
            }
        case .stop:
            return end(.stopped)
        case .unknown:
            return .none
        }
    }

    /// A `media` message read by the fast path (its audio is in the session's buffer).
    mutating func receiveMedia(streamSidMatches: Bool) -> Action {
        switch state {
        case .streaming:
            return streamSidMatches ? .deliverAudio : fail("a media message names another stream")
        case .awaitingStart:
            return fail("a media message came before start")
        case .draining, .ended:
            return .none
        }
    }

    private mutating func receiveStart(_ start: MediaStreamInboundMessage.Start) -> Action {
        guard case .awaitingStart = state else { return fail("a second start message came") }
        let format = start.start.mediaFormat
        guard format.encoding.lowercased() == "audio/x-mulaw", format.sampleRate == 8000, format.channels == 1 else {
            return fail("the audio is \(format.encoding) at \(format.sampleRate) Hz on \(format.channels) channels, not 8 kHz µ-law mono")
        }
        state = .streaming(streamSid: start.streamSid)
        var parameters = start.start.customParameters
        let token = parameters.removeValue(forKey: Self.tokenParameter)
        let call = CallStart(callSid: start.start.callSid, streamSid: start.streamSid, accountSid: start.start.accountSid,
                             from: parameters["From"], to: parameters["To"], direction: parameters["Direction"],
                             customParameters: parameters)
        return .startWorkflow(call, token: token)
    }

    /// A message that is not a Media Streams message (not JSON, a binary frame, a payload that is not base64).
    mutating func receiveMalformed(_ reason: String) -> Action {
        fail(reason)
    }

    /// The stream's token did not check out.
    mutating func refuse(_ reason: String) -> Action {
        end(.refused(reason))
    }

    /// The connection closed (or broke).
    mutating func connectionClosed() -> Action {
        end(.closed)
    }

    /// The workflow returned: drain while the stream still runs; `true` when draining starts.
    mutating func workflowFinished() -> Bool {
        guard case .streaming(let sid) = state else { return false }
        state = .draining(streamSid: sid)
        return true
    }

    /// The drained audio has played: the connector closes the stream.
    mutating func drained() -> Action {
        guard case .draining = state else { return .none }
        return end(.workflowFinished)
    }

    private mutating func fail(_ reason: String) -> Action {
        end(.protocolError(reason))
    }

    private mutating func end(_ reason: StreamEnd) -> Action {
        guard !isEnded else { return .none }
        state = .ended(reason)
        return .end(reason)
    }
}
