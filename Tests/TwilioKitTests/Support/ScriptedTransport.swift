import Foundation
@testable import TwilioKit

/// A transport that plays a script of answers and failures, recording every request.
final class ScriptedTransport: TwilioHTTPTransport, @unchecked Sendable {
    enum Step {
        case answer(Int, headers: [(name: String, value: String)] = [], body: String = "{}")
        case fail(TransportFailure)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var recorded: [TwilioHTTPRequest] = []
    private var timeouts: [Duration] = []

    init(_ steps: [Step]) { self.steps = steps }

    var requests: [TwilioHTTPRequest] { lock.withLock { recorded } }
    var requestTimeouts: [Duration] { lock.withLock { timeouts } }

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        let step: Step = lock.withLock {
            recorded.append(request)
            timeouts.append(timeout)
            return steps.isEmpty ? .answer(500, body: #"{"message":"script exhausted"}"#) : steps.removeFirst()
        }
        switch step {
        case .answer(let status, let headers, let body):
            return TwilioHTTPResponse(status: status, headers: headers, body: Array(body.utf8))
        case .fail(let failure):
            throw failure
        }
    }
}

/// A clock whose sleeps return at once and move its time forward, recording each sleep.
final class ManualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var recordedSleeps: [Duration] = []

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var sleeps: [Duration] { lock.withLock { recordedSleeps } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        lock.withLock {
            recordedSleeps.append(current.duration(to: deadline))
            current = max(current, deadline)
        }
    }
}

extension TwilioClient {
    /// A client on a scripted transport and a manual clock, for retry tests.
    static func scripted(_ transport: ScriptedTransport, clock: ManualClock, policy: RetryPolicy = .default,
                         timeout: Duration = .seconds(30)) -> TwilioClient {
        TwilioClient(
            configuration: .init(credentials: .authToken(accountSID: "AC00000000000000000000000000000000", authToken: "s3cr3t-token-value"),
                                 endpoint: .baseURL("https://retry.test"), timeout: timeout, retryPolicy: policy),
            transport: transport, clock: clock)
    }
}
