import NIOWebSocket
import TwilioKit

/// A connected stream's life, as a state machine in the manner of AsyncHTTPClient's
/// `HTTPRequestStateMachine`: every event goes through ``handle(_:)``, which moves the state on
/// and returns the ``Action`` ``MediaStreamSession`` takes on the socket. The protocol itself —
/// which messages, their numbers, the playout — is the ``MediaStreamConversation`` it holds.
///
/// ```
/// streaming ──caller's audio over, time limit, hang-up──▶ closing (stop sent, close 1000)
///     │     ──message that breaks the protocol (31924)──▶ closing (close 1002, no stop)
///     │     ──the application closed, a write failed──▶ closed
/// closing ──the application's close, or its timeout, or a failed write──▶ closed
/// ```
///
/// While closing, the application's audio is still collected (not played) until the close
/// handshake completes.
struct MediaStreamLifecycle: Sendable {
    /// Something that happens on the stream.
    enum Event: Sendable, Equatable {
        /// Frames are due: `count` since the stream started.
        case framesDue(Int)
        /// A text message from the application.
        case text(String)
        /// A binary message from the application.
        case binary
        /// The handset pressed keys during the call.
        case keyPresses(String)
        /// The call ended or left the `<Connect>`.
        case hangUp
        /// The application's frames broke the WebSocket protocol (the socket already fails them).
        case protocolViolation(String)
        /// The application closed the connection, or it went away.
        case connectionClosed
        /// Writing to the application failed.
        case writeFailed
        /// The application did not answer the close handshake in time.
        case closeTimedOut
    }

    /// Where the stream stands.
    enum State: Sendable, Equatable {
        /// Frames and messages flow both ways.
        case streaming
        /// The sandbox ended the stream for `end` and closed its side; it waits for the
        /// application's close.
        case closing(MediaStreamEnd)
        /// Over, for `end`.
        case closed(MediaStreamEnd)
    }

    /// What the session does after an event.
    enum Action: Sendable, Equatable {
        /// Nothing.
        case none
        /// Send these messages.
        case send([MediaStreamInboundMessage])
        /// Send these messages, then close the connection with `code` and `reason`, and wait for
        /// the application's close (up to a timeout).
        case close(after: [MediaStreamInboundMessage], code: WebSocketErrorCode, reason: String?)
        /// The stream is over.
        case finish(MediaStreamEnd)
    }

    private(set) var state = State.streaming
    private(set) var conversation: MediaStreamConversation

    /// The life of a stream speaking `conversation`.
    init(_ conversation: MediaStreamConversation) {
        self.conversation = conversation
    }

    /// The first messages, sent once connected: `connected` and `start`.
    mutating func opening() -> [MediaStreamInboundMessage] {
        conversation.opening()
    }

    /// Moves the stream on with `event`: the one transition function of a stream.
    mutating func handle(_ event: Event) -> Action {
        switch state {
        case .streaming: streaming(event)
        case .closing(let end): closing(event, end: end)
        case .closed: .none
        }
    }

    private mutating func streaming(_ event: Event) -> Action {
        switch event {
        case .framesDue(let due):
            let messages = conversation.advance(to: due)
            return conversation.isStopped ? close(conversation.endOfAudio, after: messages) : .send(messages)
        case .text(let text):
            do {
                return .send(try conversation.receive(text: text))
            } catch {
                return fail(error)
            }
        case .binary:
            conversation.receiveBinary()
            return .none
        case .keyPresses(let digits):
            conversation.press(digits)
            return .none
        case .hangUp:
            return close(.callEnded, after: conversation.stop())
        case .protocolViolation(let detail):
            return fail(.protocolError(detail))
        case .connectionClosed:
            return finish(.appClosed)
        case .writeFailed:
            return finish(.connectionLost)
        case .closeTimedOut:
            return .none
        }
    }

    private mutating func closing(_ event: Event, end: MediaStreamEnd) -> Action {
        switch event {
        case .text(let text):
            _ = try? conversation.receive(text: text)
            return .none
        case .connectionClosed, .writeFailed, .closeTimedOut:
            return finish(end)
        case .framesDue, .binary, .keyPresses, .hangUp, .protocolViolation:
            return .none
        }
    }

    /// Ends the stream for `end` after sending `messages` (`stop` among them).
    private mutating func close(_ end: MediaStreamEnd, after messages: [MediaStreamInboundMessage]) -> Action {
        state = .closing(end)
        return .close(after: messages, code: .normalClosure, reason: nil)
    }

    /// Ends the stream for a protocol error: no `stop`, close code 1002 with Twilio's message.
    private mutating func fail(_ error: MediaStreamError) -> Action {
        conversation.fail(error)
        state = .closing(.protocolError)
        return .close(after: [], code: .protocolError, reason: "\(error.code) \(error.message)".truncatedUTF8(to: 123))
    }

    private mutating func finish(_ end: MediaStreamEnd) -> Action {
        state = .closed(end)
        return .finish(end)
    }
}

private extension String {
    /// At most `limit` bytes of UTF-8 (a close frame's reason has room for 123), cut at a character.
    func truncatedUTF8(to limit: Int) -> String {
        var result = ""
        for character in self {
            guard result.utf8.count + character.utf8.count <= limit else { break }
            result.append(character)
        }
        return result
    }
}
