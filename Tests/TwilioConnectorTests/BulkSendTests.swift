import Foundation
import NIOPosix
import Synchronization
import Testing
@testable import TwilioConnector
import TwilioKit

@Suite("sendBulkSMS against the sandbox")
struct BulkSendTests {
    @Test(arguments: ["+14155550300", " +14155550300", "+14155550300\t", "\u{00A0}+14155550300\u{2003}", " (415) 555-0300 "])
    func recipientsAreTrimmedOfTheSpacesAroundThem(given: String) throws {
        #expect(try BulkSender.normalise(given, defaultCountryCallingCode: "1").get() == "+14155550300")
    }

    @Test func thousandsWithInjected429sReachEveryRecipientExactlyOnce() async throws {
        try await ConnectorFixture.with { fixture in
            let numbers = (0..<1500).map { String(format: "+1415%07d", 2_000_000 + $0) }
            let given = numbers + ["(415) 200-0000", "+1 415 200 0001", "not a number", "+0123"]
            let fault = try await fixture.sandboxForm(.post, "/sandbox/faults",
                                                           form: [("Kind", "429"), ("Method", "POST"), ("PathContains", "/Messages.json"),
                                                                  ("Rate", "0.05"), ("RetryAfter", "0")])
            #expect(fault == 201)
            let result = await fixture.run("sendBulkSMS", [
                "Recipients": .string(given.joined(separator: "\n")), "From": "+15005550006", "Body": "Flash sale",
                "MessagesPerSecond": 1000, "Concurrency": 16, "DefaultCountryCallingCode": "1",
            ])
            let failures = (result.array("recipients") ?? []).compactMap(\.objectFields).filter { $0.text("to") != nil && $0.text("messageSid") == nil }
            #expect(result.number("sentCount") == 1500, "\(failures.prefix(3).map { $0.text("error") ?? "" })")
            #expect(result.number("invalidCount") == 2)
            #expect(result.number("duplicateCount") == 2, "two numbers repeated in other formats")
            #expect(result.flag("success") == false, "invalid recipients make the job not fully successful")
            let recipients = try #require(result.array("recipients"))
            #expect(recipients.count == 1502)

            let client = TwilioClient(configuration: fixture.sandbox.clientConfiguration)
            let sent = try await client.messages.list(.init(from: "+15005550006", pageSize: 1000)).collect()
            #expect(sent.count == 1500)
            #expect(Set(sent.compactMap(\.to)) == Set(numbers), "every recipient exactly once")
            let injected = try await fixture.sandboxJSON("/sandbox/faults").number("injected") ?? 0
            #expect(injected > 0, "429s were injected and ridden out")
        }
    }

    @Test func paceFollowsTheSender() async throws {
        try await ConnectorFixture.with { fixture in
            let clock = ContinuousClock()
            let start = clock.now
            let result = await fixture.run("sendBulkSMS", [
                "Recipients": ["+14155550201", "+14155550202", "+14155550203", "+14155550204", "+14155550205"],
                "From": "+15005550006", "Body": "paced", "MessagesPerSecond": 10,
            ])
            #expect(result.flag("success") == true)
            #expect(clock.now - start >= .milliseconds(390), "5 sends at 10/s take at least 0.4 s, less the 10 ms a send may start early")
            #expect(result.number("messagesPerSecond") == 10)
        }
    }

    @Test(arguments: [false, true])
    func sendsAndTheirPacingRunOnTheTransportsPreferredExecutor(asJob: Bool) async throws {
        try await ConnectorFixture.with { fixture in
            let transport = LoopRecordingTransport()
            let connector = Connector(configuration: fixture.sandbox.clientConfiguration, transport: transport,
                                      jobStore: asJob ? try await JobStores.make("sqlite") : nil)
            let result = await connector.run("sendBulkSMS", parameters: [
                "Recipients": .array((0..<12).map { .string(String(format: "+1415%07d", 4_000_000 + $0)) }),
                "From": "+15005550006", "Body": "on the loop", "MessagesPerSecond": 200, "Concurrency": 4,
            ])
            #expect(result.objectFields?.number("sentCount") == 12, "\(result)")
            #expect(transport.sends.withLock { $0 } == Array(repeating: true, count: 12), "every send ran on the loop")
        }
    }

    @Test func badInputSendsNothing() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("sendBulkSMS", ["Recipients": "+14155550201", "Body": "x"])
            #expect(result.flag("success") == false)
            #expect(result.text("error")?.contains("From, MessagingServiceSid one of these is required") == true)
        }
    }
}

/// The shared HTTP/1.1 transport, preferring an event loop of its own (one thread) and
/// recording, for each message sent, whether its task ran there.
private final class LoopRecordingTransport: TwilioHTTPTransport {
    private let base = HTTP1Transport()
    private static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let loop = LoopRecordingTransport.group.next()
    let sends = Mutex<[Bool]>([])

    var preferredTaskExecutor: (any TimerTaskExecutor)? { EventLoopTaskExecutor(loop) }

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        if request.method == .post, request.url.hasSuffix("/Messages.json") { sends.withLock { $0.append(loop.inEventLoop) } }
        return try await base.execute(request, timeout: timeout)
    }
}
