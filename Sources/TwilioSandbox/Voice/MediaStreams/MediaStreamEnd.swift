/// Why a media stream ended: the `reason` of its `stream-stopped` event in the call's log.
enum MediaStreamEnd: String, Sendable {
    /// The caller's audio was over and the handset hung up: the sandbox sent `stop` and closed;
    /// the call ends.
    case audioEnded = "audio-ended"
    /// The call reached its `TimeLimit`: the sandbox sent `stop` and closed; the call ends.
    case timeLimit = "time-limit"
    /// The call ended or left the `<Connect>` some other way (UpdateCall hang-up or redirect): the
    /// sandbox sent `stop` and closed.
    case callEnded = "call-ended"
    /// The application closed the connection: the call goes on after the `<Connect>`.
    case appClosed = "app-closed"
    /// The connection broke while the sandbox was writing (31903): the call goes on.
    case connectionLost = "connection-lost"
    /// The application broke the protocol (31924): the sandbox closed the connection (1002)
    /// without `stop`; the call goes on.
    case protocolError = "protocol-error"
}
