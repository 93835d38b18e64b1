import Foundation
import Testing
import TwilioConnector
import TwilioKit

extension ConnectorFixture {
    /// The SID of the sandbox's demo template `name` (`order_shipped`, `appointment_reminder`, …).
    func demoTemplate(_ name: String) async throws -> String {
        let templates = try await client.content.list().collect()
        return try #require(templates.first { $0.friendlyName == name }?.sid, "no demo template \(name)")
    }

    /// The WhatsApp user `number` writes to the sandbox's `+15005550006`, opening the 24-hour
    /// window for free-form messages; `form` adds fields (a button tap, a location).
    func whatsAppUserWrites(_ number: String, _ form: [(String, String)] = [("Body", "Hello")]) async throws {
        let status = try await sandboxForm(.post, "/sandbox/handsets/whatsapp:\(number)/messages",
                                           form: [("To", "whatsapp:+15005550006")] + form)
        #expect(status == 201)
    }
}
