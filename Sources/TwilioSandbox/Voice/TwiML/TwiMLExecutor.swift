import Foundation
import TwilioKit

/// Runs a call's TwiML as Twilio does: fetches each document (signed, with the voice request
/// parameters) or takes it inline, parses it with TwilioKit's ``VoiceResponse``, and executes its
/// verbs in order, following `action` URLs and `<Redirect>`s from document to document.
/// Simulated time passes per verb (``VoiceClock``); cancelling the task interrupts it at once.
struct TwiMLExecutor: Sendable {
    let simulator: CallSimulator
    let callSID: String

    /// The most documents one execution runs: a redirect loop ends there (11215).
    static let maximumDocuments = 100

    /// A document to execute, and the URL it came from (the base of relative URLs and the
    /// default `action`; `nil` for inline TwiML).
    struct Document: Sendable {
        let verbs: [VoiceVerb]
        let url: String?
    }

    /// What to do after a verb.
    enum Step: Sendable {
        /// Continue with the document from `source` (an action or `<Redirect>`).
        case fetch(TwiMLSource)
        /// Stop executing.
        case end(ExecutionEnd)
    }

    /// The call's time limit was reached.
    struct TimeLimitReached: Error {}

    /// The calls' state: their records, logs and TwiML control.
    var voice: VoiceState { simulator.calls }

    /// Executes from `source` until the TwiML ends; never throws: an interruption just ends it.
    func run(_ source: TwiMLSource) async -> ExecutionEnd {
        do {
            var next = source
            for _ in 0..<Self.maximumDocuments {
                guard let document = try await load(next) else { return .ended }
                switch try await execute(document) {
                case .fetch(let source): next = source
                case .end(let end): return end
                }
            }
            await log("error", [("code", 11215), ("message", .string("HTTP too many redirects: more than \(Self.maximumDocuments) documents"))])
            return .ended
        } catch {
            if error is TimeLimitReached { await log("time-limit", []) }
            return .ended
        }
    }

    // MARK: Documents

    /// The document `source` names: fetched (falling back to the call's FallbackUrl on failure)
    /// or parsed inline. `nil` when there is none to run: the error is logged, and Twilio would
    /// say "An application error has occurred" and hang up.
    private func load(_ source: TwiMLSource) async throws -> Document? {
        guard let call = await voice.call(callSID) else { return nil }
        switch source {
        case .inline(let xml):
            do {
                return Document(verbs: try VoiceResponse(xml: xml).verbs, url: nil)
            } catch {
                await log("error", [("code", 12100), ("message", .string("Document parse failure: \(error)"))])
                return try await fallback(call, errorCode: 12100, errorURL: nil)
            }
        case .url(let url, let method, let extra):
            let parameters = call.voiceParameters() + extra.map { ($0.name, $0.value) }
            switch try await fetch(url, method: method, parameters: parameters, call: call) {
            case .success(let document): return document
            case .failure(let failure): return try await fallback(call, errorCode: failure.code, errorURL: url)
            }
        }
    }

    /// Why a document could not be had: 11200 (no 2xx answer) or 12100 (not TwiML).
    private struct FetchFailure: Error {
        let code: Int
    }

    /// Requests `url` and parses its answer; logs why when that fails.
    private func fetch(_ url: String, method: String, parameters: [(String, String)],
                       call: CallRecord) async throws -> Result<Document, FetchFailure> {
        let delivery = await simulator.environment.webhooks.send(url, method: method, parameters: parameters, accountSID: call.accountSID)
        try Task.checkCancellation()
        guard let status = delivery.status, (200..<300).contains(status) else {
            await log("error", [("code", 11200), ("url", .string(url)), ("response_status", .optional(delivery.status)),
                                ("message", "HTTP retrieval failure")])
            return .failure(FetchFailure(code: 11200))
        }
        do {
            return .success(Document(verbs: try VoiceResponse(xml: delivery.responseBody).verbs, url: url))
        } catch {
            await log("error", [("code", 12100), ("url", .string(url)), ("message", .string("Document parse failure: \(error)"))])
            return .failure(FetchFailure(code: 12100))
        }
    }

    /// The call's FallbackUrl document, requested with `ErrorCode` and `ErrorUrl` as Twilio does.
    private func fallback(_ call: CallRecord, errorCode: Int, errorURL: String?) async throws -> Document? {
        guard let url = call.fallbackURL, url != errorURL else { return nil }
        var parameters = call.voiceParameters() + [("ErrorCode", String(errorCode))]
        if let errorURL { parameters.append(("ErrorUrl", errorURL)) }
        guard case .success(let document) = try await fetch(url, method: call.fallbackMethod, parameters: parameters, call: call) else {
            return nil
        }
        return document
    }

    // MARK: Verbs

    /// Executes a document's verbs. Any verb but a leading `<Reject>` answers a ringing call.
    private func execute(_ document: Document) async throws -> Step {
        if let first = document.verbs.first, case .reject = first {} else {
            await simulator.answer(callSID)
        }
        for verb in document.verbs {
            try Task.checkCancellation()
            switch verb {
            case .say(let say): try await self.say(say)
            case .play(let play): try await self.play(play)
            case .pause(let pause): try await self.pause(pause)
            case .gather(let gather): if let step = try await self.gather(gather, in: document) { return step }
            case .record(let record): if let step = try await self.record(record, in: document) { return step }
            case .dial(let dial): if let step = try await self.dial(dial, in: document) { return step }
            case .connect(let connect): if let step = try await self.connect(connect, in: document) { return step }
            case .redirect(let redirect):
                await log("redirect", [("url", .string(redirect.url)), ("method", .string(redirect.method.rawValue))])
                guard let url = await resolve(redirect.url, in: document) else { return .end(.ended) }
                return .fetch(.url(url, method: redirect.method.rawValue))
            case .hangup:
                await log("hangup", [])
                return .end(.ended)
            case .reject(let reject):
                await log("reject", [("reason", .string(reject.reason.rawValue))])
                let answered = await voice.call(callSID)?.answerTime != nil
                return .end(answered ? .ended : .rejected(reject.reason))
            case .unsupported(let name):
                await log("unsupported", [("verb", .string(name))])
            }
        }
        return .end(.ended)
    }

    // MARK: Helpers

    /// Lets `seconds` of call time pass, up to the call's time limit.
    func pass(_ seconds: Double) async throws {
        guard let call = await voice.call(callSID) else { throw CancellationError() }
        let spent = min(seconds, max(0, Double(call.timeLimit) - call.talkSeconds))
        try await simulator.clock.sleep(seconds: spent)
        await voice.update(callSID) { $0.talkSeconds += spent }
        if spent < seconds { throw TimeLimitReached() }
    }

    /// Adds `seconds` of call time that already passed in real time (a media stream).
    func account(_ seconds: Double) async {
        await voice.update(callSID) { $0.talkSeconds += seconds }
    }

    /// `target` made absolute against the document's URL; `nil` target means the document's URL
    /// itself (Twilio's default `action`). `nil` when there is no absolute URL to use.
    func resolve(_ target: String?, in document: Document) async -> String? {
        guard let target else { return document.url }
        if CallCreateRequest.isAbsoluteURL(target) { return target }
        if let base = document.url.flatMap(URL.init(string:)), let url = URL(string: target, relativeTo: base) {
            return url.absoluteString
        }
        await log("error", [("code", 11200), ("url", .string(target)),
                            ("message", "A relative URL needs a document URL to resolve against: inline TwiML has none")])
        return nil
    }

    /// Appends an event of `type` to the call's log.
    func log(_ type: String, _ details: [(String, SandboxJSON)]) async {
        await voice.log(callSID, CallEvent(type, details))
    }
}
