import TwilioKit

/// What a workflow does to its call through Twilio's REST API (hang up, transfer, redirect,
/// record): the seam tests replace. Every method acts on the call `callSid`.
public protocol CallControl: Sendable {
    /// Changes the live call: new TwiML (which ends its stream), or a status that ends it.
    func update(callSid: String, _ parameters: CallUpdateParameters) async throws(TwilioError)
    /// Starts recording the call; the recording's SID (`RE…`).
    func startRecording(callSid: String) async throws(TwilioError) -> String
    /// Stops the recording `recordingSid` of the call.
    func stopRecording(callSid: String, recordingSid: String) async throws(TwilioError)
}

/// ``CallControl`` with a TwilioKit client: the calls' and recordings' REST APIs.
public struct TwilioCallControl: CallControl {
    let client: TwilioClient

    /// Controls calls of `client`'s account.
    public init(client: TwilioClient) {
        self.client = client
    }

    public func update(callSid: String, _ parameters: CallUpdateParameters) async throws(TwilioError) {
        _ = try await client.calls.update(callSid, parameters)
    }

    public func startRecording(callSid: String) async throws(TwilioError) -> String {
        try await client.recordings.start(forCall: callSid).sid ?? ""
    }

    public func stopRecording(callSid: String, recordingSid: String) async throws(TwilioError) {
        _ = try await client.recordings.setStatus(.stopped, recording: recordingSid, ofCall: callSid)
    }
}
