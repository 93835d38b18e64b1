/// The media streams connected right now, by call: where a key the handset presses during a call
/// goes (`POST /sandbox/calls/{CallSid}/digits`). A stream is here from the moment its connection
/// is up — before `start` is sent, so a key pressed as soon as the application sees `start` is
/// never missed — until it ends.
actor ConnectedStreams {
    /// A connected stream: its SID, and how to hand it keys.
    private struct Stream {
        let sid: String
        let press: @Sendable (String) -> Void
    }

    private var streams: [String: Stream] = [:]

    /// Stream `streamSID` of call `callSID` is connected; `press` hands it keys.
    func connect(_ streamSID: String, of callSID: String, press: @escaping @Sendable (String) -> Void) {
        streams[callSID] = Stream(sid: streamSID, press: press)
    }

    /// Stream `streamSID` of call `callSID` has ended.
    func disconnect(_ streamSID: String, of callSID: String) {
        if streams[callSID]?.sid == streamSID { streams[callSID] = nil }
    }

    /// Presses `digits` on the stream connected to call `callSID`; returns its SID, `nil` when no
    /// stream is connected.
    func press(_ digits: String, on callSID: String) -> String? {
        guard let stream = streams[callSID] else { return nil }
        stream.press(digits)
        return stream.sid
    }
}
