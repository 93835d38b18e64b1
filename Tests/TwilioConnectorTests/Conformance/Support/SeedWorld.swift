import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// The sandbox resources a seed's example needs (a message to fetch, a recording to download, a
/// Verify service with a pending verification, …), each made the first time it is asked for, by
/// the SID prefix of its kind.
actor SeedWorld {
    /// Why the sandbox could not make a resource.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let fixture: ConnectorFixture
    private var made: [String: String] = [:]

    init(_ fixture: ConnectorFixture) {
        self.fixture = fixture
    }

    /// The recipient every example writes to, and the sandbox number it writes from.
    static let recipient = "+14155550123"
    static let sender = "+15005550006"

    /// A URL the sandbox answers with TwiML (its echo twimlet), for `Url`s and callbacks.
    nonisolated var twimlURL: String {
        fixture.sandbox.baseURL + "/twimlets/echo?Twiml=%3CResponse%3E%3CSay%3EHello%3C%2FSay%3E%3C%2FResponse%3E"
    }

    /// The SID of a resource of the kind `prefix` names (SM, MM, CA, RE, VA, VE, GA, GT, HX, MG, AP, AC).
    func sid(_ prefix: String) async throws -> String {
        if let sid = made[prefix] { return sid }
        let sid = try await make(prefix)
        made[prefix] = sid
        return sid
    }

    private func make(_ prefix: String) async throws -> String {
        let client = fixture.client
        switch prefix {
        case "AC":
            return client.accountSID
        case "SM", "MM":
            let message = try await client.messages.create(.init(to: Self.recipient, from: Self.sender, body: "A photo",
                                                                 mediaURLs: ["https://demo.twilio.com/owl.png"]))
            return try found(message.sid, "a message")
        case "CA":
            let call = try await client.calls.create(.init(to: Self.recipient, from: Self.sender, instructions: .twiml("<Response><Say>Hi</Say></Response>")))
            let sid = try found(call.sid, "a call")
            for _ in 0..<250 {
                if try await client.calls.fetch(sid).status == .completed { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            return sid
        case "RE":
            return try await recording()
        case "VA":
            let service = try await client.verify.createService(.init(friendlyName: "Seed conformance"))
            let sid = try found(service.sid, "a Verify service")
            let verification = try await client.verify.createVerification(.init(to: Self.recipient, channel: .sms), serviceSid: sid)
            made["VE"] = verification.sid
            return sid
        case "VE":
            _ = try await self.sid("VA")
            return try found(made["VE"], "a verification")
        case "GT", "GA":
            let transcript = try await client.intelligence.listTranscripts(limit: 1).collect().first
            return try found(prefix == "GT" ? transcript?.sid : transcript?.serviceSid, "a transcript")
        case "HX":
            return try found(try await client.content.list(limit: 1).collect().first?.sid, "a Content template")
        case "MG":
            let service = try await fixture.sandboxPost("/messaging/v1/Services", form: [("FriendlyName", "Seed conformance")])
            let sid = try found(service.text("sid"), "a Messaging Service")
            let number = try await client.incomingPhoneNumbers.list().collect().first { $0.phoneNumber == Self.sender }
            _ = try await client.messagingServices.addPhoneNumber(try found(number?.sid, "the sender's number"), serviceSid: sid)
            return sid
        case "AP":
            let path = "/api/2010-04-01/Accounts/\(client.accountSID)/Applications.json"
            let application = try await fixture.sandboxPost(path, form: [("FriendlyName", "Seed conformance"), ("VoiceUrl", twimlURL)])
            return try found(application.text("sid"), "an Application")
        default:
            throw Failure(description: "the sandbox makes no resource with the SID prefix \(prefix)")
        }
    }

    /// A recording of a finished call.
    private func recording() async throws -> String {
        let client = fixture.client
        let call = try await client.calls.create(.init(to: Self.recipient, from: Self.sender,
                                                       instructions: .twiml("<Response><Say>Recorded</Say></Response>"), record: true))
        let callSid = try found(call.sid, "a recorded call")
        for _ in 0..<250 {
            if let sid = try await client.recordings.list(forCall: callSid).collect().first?.sid { return sid }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "the recorded call \(callSid) made no recording")
    }

    private func found(_ sid: String?, _ what: String) throws -> String {
        guard let sid, !sid.isEmpty else { throw Failure(description: "the sandbox did not make \(what)") }
        return sid
    }
}
