/// Where keys the handset pressed during a call went (`POST /sandbox/calls/{CallSid}/digits`).
enum KeyPressDelivery: Sendable, Equatable {
    /// To the stream connected to the call: `dtmf` messages, from the next frame on.
    case stream(sid: String)
    /// No stream is connected: queued for the handset's next `<Gather>` or `<Connect><Stream>`.
    case queued

    /// `stream` or `queued`, as the inspection API and the call's log say it.
    var name: String {
        switch self {
        case .stream: "stream"
        case .queued: "queued"
        }
    }

    /// The stream that got the keys, if one did.
    var streamSID: String? {
        switch self {
        case .stream(let sid): sid
        case .queued: nil
        }
    }
}
