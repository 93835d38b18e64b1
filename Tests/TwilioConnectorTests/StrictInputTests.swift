import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// What Twilio would refuse is refused before anything is sent, naming the field and the rule.
@Suite("Strict input: recipients and connections")
struct StrictInputTests {
    @Test(arguments: [JSONValue.bool(true), "garbage", "hello world", "12345", "ACME", .number(14_155_550_100)])
    func aRecipientMustBeAPhoneNumberOrChannelAddress(_ to: JSONValue) async throws {
        try await ConnectorFixture.with { fixture in
            let error = try await fixture.refusal("sendSMS", ["To": to, "From": "+15005550006", "Body": "hi"])
            #expect(error.contains("To must be"), "\(error)")
        }
    }

    @Test func theToolkitNamesTheFieldInItsOwnWords() async throws {
        try await ConnectorFixture.with { fixture in
            let error = try await fixture.refusal("send_message", ["to": "12345", "from_number": "+15005550006", "body": "hi"])
            #expect(error.contains("to must be"), "\(error)")
            #expect(error.contains("short codes and sender IDs cannot receive"), "\(error)")
        }
    }

    @Test(arguments: ["+14155550100", "client:alice", "sip:alice@example.com"])
    func numbersClientsAndSIPAddressesCanBeCalled(_ to: String) async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("makeCall", ["To": .string(to), "From": "+15005550006", "Say": "Hi"])
            #expect(result.flag("success") == true, "\(result)")
        }
    }

    @Test(arguments: [JSONValue.string("x"), [1, 2], ["accountSid": "AC00000000000000000000000000000000", "token": "t"]])
    func aConnectionMustBeAnObjectOfTheDocumentedKeys(_ connection: JSONValue) async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendSMS", ["To": "+14155550100", "From": "+15005550006", "Body": "hi"], connection: connection)
            #expect(result.flag("success") == false)
            #expect(result.text("error")?.contains("connection") == true, "\(result)")
            let messages = try await fixture.client.messages.list().collect()
            #expect(messages.isEmpty)
        }
    }
}
