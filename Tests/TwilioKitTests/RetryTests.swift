import Foundation
import Testing
@testable import TwilioKit

@Suite("Retries, deadlines and the no-duplicate promise")
struct RetryTests {
    let rateLimited = ScriptedTransport.Step.answer(
        429, headers: [(name: "Retry-After", value: "2")],
        body: #"{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}"#)
    let created = ScriptedTransport.Step.answer(201, body: #"{"sid":"SM00000000000000000000000000000001","status":"queued"}"#)
    let send = MessageCreateParameters(to: "+14155550100", from: "+14155550199", body: "hi")

    @Test func rateLimitHonoursRetryAfter() async throws {
        let transport = ScriptedTransport([rateLimited, rateLimited, created])
        let clock = ManualClock()
        let message = try await TwilioClient.scripted(transport, clock: clock).messages.create(send)
        #expect(message.sid == "SM00000000000000000000000000000001")
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.seconds(2), .seconds(2)])
    }

    @Test func serviceUnavailableStormGivesUpAfterMaximumAttempts() async throws {
        let storm = ScriptedTransport.Step.answer(503, body: #"{"code":20503,"message":"Service Unavailable","status":503}"#)
        let transport = ScriptedTransport(Array(repeating: storm, count: 10))
        let clock = ManualClock()
        let policy = RetryPolicy(maximumAttempts: 5, baseDelay: .seconds(1), maximumDelay: .seconds(4), deadline: .seconds(120))
        let error = await #expect(throws: TwilioError.self) {
            _ = try await TwilioClient.scripted(transport, clock: clock, policy: policy).messages.fetch("SM1")
        }
        #expect(transport.requests.count == 5)
        #expect(error?.kind == .failed)
        #expect(error?.httpStatus == 503)
        #expect(error?.attempts == 5)
        // Equal jitter: each wait lies in [backoff/2, backoff], backoff doubling from 1 s up to 4 s.
        let bounds: [(Duration, Duration)] = [(.milliseconds(500), .seconds(1)), (.seconds(1), .seconds(2)),
                                              (.seconds(2), .seconds(4)), (.seconds(2), .seconds(4))]
        #expect(clock.sleeps.count == 4)
        for (sleep, bound) in zip(clock.sleeps, bounds) { #expect(sleep >= bound.0 && sleep <= bound.1) }
    }

    @Test func createIsNeverRetriedAfterATimeoutThatMayHaveSentIt() async throws {
        let timeout = TransportFailure(reason: "timed out waiting for the answer", requestMayHaveBeenSent: true, isTimeout: true)
        let transport = ScriptedTransport([.fail(timeout), created])
        let error = await #expect(throws: TwilioError.self) {
            _ = try await TwilioClient.scripted(transport, clock: ManualClock()).messages.create(send)
        }
        #expect(transport.requests.count == 1)
        #expect(error?.kind == .noAnswer)
        #expect(error?.requestMayHaveBeenSent == true)
        #expect(error?.description.contains("may have reached Twilio") == true)
    }

    @Test func createIsRetriedWhenNothingWasSent() async throws {
        let refused = TransportFailure(reason: "could not connect", requestMayHaveBeenSent: false, isTimeout: false)
        let transport = ScriptedTransport([.fail(refused), created])
        let message = try await TwilioClient.scripted(transport, clock: ManualClock()).messages.create(send)
        #expect(message.status == .queued)
        #expect(transport.requests.count == 2)
    }

    @Test func createIsNotRetriedOnServerError() async throws {
        let transport = ScriptedTransport([.answer(500, body: #"{"code":20500,"message":"Internal Server Error","status":500}"#), created])
        await #expect(throws: TwilioError.self) {
            _ = try await TwilioClient.scripted(transport, clock: ManualClock()).messages.create(send)
        }
        #expect(transport.requests.count == 1)
    }

    @Test func fetchIsRetriedOnTimeoutsAndServerErrors() async throws {
        let timeout = TransportFailure(reason: "timed out", requestMayHaveBeenSent: true, isTimeout: true)
        let transport = ScriptedTransport([.fail(timeout), .answer(502, body: ""), .answer(200, body: #"{"sid":"SM1"}"#)])
        let message = try await TwilioClient.scripted(transport, clock: ManualClock()).messages.fetch("SM1")
        #expect(message.sid == "SM1")
        #expect(transport.requests.count == 3)
    }

    @Test func deadlineStopsRetrying() async throws {
        let longWait = ScriptedTransport.Step.answer(429, headers: [(name: "Retry-After", value: "20")], body: #"{"code":20429,"message":"Too Many Requests","status":429}"#)
        let transport = ScriptedTransport([longWait, longWait, longWait, created])
        let clock = ManualClock()
        let policy = RetryPolicy(maximumAttempts: 10, deadline: .seconds(45))
        let error = await #expect(throws: TwilioError.self) {
            _ = try await TwilioClient.scripted(transport, clock: clock, policy: policy).messages.create(send)
        }
        #expect(error?.isRateLimited == true)
        #expect(error?.code == 20429)
        #expect(transport.requests.count == 3, "waits of 20 s fit twice in 45 s, not three times")
        #expect(clock.sleeps == [.seconds(20), .seconds(20)])
    }

    @Test func retryAfterLongerThanAllowedEndsRetries() async throws {
        let transport = ScriptedTransport([.answer(429, headers: [(name: "Retry-After", value: "3600")], body: "{}"), created])
        await #expect(throws: TwilioError.self) {
            _ = try await TwilioClient.scripted(transport, clock: ManualClock()).messages.create(send)
        }
        #expect(transport.requests.count == 1)
    }

    @Test func refusalsAreNotRetried() async throws {
        let invalid = ScriptedTransport.Step.answer(400, body: #"{"code":21211,"message":"Invalid 'To' Phone Number: +1555","more_info":"https://www.twilio.com/docs/errors/21211","status":400}"#)
        let transport = ScriptedTransport([invalid])
        let error = await #expect(throws: TwilioError.self) {
            _ = try await TwilioClient.scripted(transport, clock: ManualClock()).messages.create(send)
        }
        #expect(transport.requests.count == 1)
        #expect(error?.kind == .refused)
        #expect(error?.code == 21211)
        #expect(error?.moreInfo == "https://www.twilio.com/docs/errors/21211")
    }

    @Test func timeoutIsConfigurablePerClientAndPerCall() async throws {
        let transport = ScriptedTransport([.answer(200, body: "{}"), .answer(200, body: "{}")])
        let client = TwilioClient.scripted(transport, clock: ManualClock(), timeout: .seconds(12))
        _ = try await client.messages.fetch("SM1")
        _ = try await client.withTimeout(.seconds(3)).messages.fetch("SM1")
        #expect(transport.requestTimeouts == [.seconds(12), .seconds(3)])
    }

    @Test func undecodableAnswerIsReportedAsSuch() async throws {
        let transport = ScriptedTransport([.answer(200, body: #"{"sid": 42}"#)])
        let error = await #expect(throws: TwilioError.self) {
            _ = try await TwilioClient.scripted(transport, clock: ManualClock()).messages.fetch("SM1")
        }
        #expect(error?.kind == .undecodable)
        #expect(error?.message.contains("sid") == true)
    }

    @Test func authTokenNeverAppearsInErrorsOrDescriptions() async throws {
        let transport = ScriptedTransport([.answer(401, body: #"{"code":20003,"message":"Authenticate","status":401}"#)])
        let client = TwilioClient.scripted(transport, clock: ManualClock())
        let error = await #expect(throws: TwilioError.self) { _ = try await client.messages.fetch("SM1") }
        let texts = [String(describing: error), String(reflecting: error), "\(client.configuration.credentials)",
                     String(reflecting: client.configuration.credentials)]
        for text in texts { #expect(!text.contains("s3cr3t-token-value")) }
        #expect(transport.requests.first?.header("Authorization") == "Basic " + Data("AC00000000000000000000000000000000:s3cr3t-token-value".utf8).base64EncodedString())
    }
}
