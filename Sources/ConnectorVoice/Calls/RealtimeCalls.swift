import ConnectorStore
import Foundation
import Logging
import TwilioConnector
import TwilioKit

/// The connector's real-time calls: the TwiML that connects a call to a workflow (makeCall's and
/// inboundCall's), the streams Twilio opens for them (each checked against its one-time token,
/// then run as a ``StreamSession``), and makeCall's wait for the call to end with its workflow's
/// result.
///
/// Tokens and results live in this process: a call's stream must reach the instance that placed or
/// answered the call (one instance, or sticky routing by path), while its status callbacks may
/// reach any instance sharing the store.
public final class RealtimeCalls: RealtimeCallService {
    /// The workflows.
    public let catalogue: WorkflowCatalogue
    /// The connector's public base URL (`https://hooks.example.com`), once known.
    let publicURL: @Sendable () -> String?
    let store: (any ConnectorStore)?
    /// The connection inbound calls' workflows control their calls with.
    let client: TwilioClient?
    let settings: RealtimeCallSettings
    let logger: Logger
    private let tokens: StreamTokens
    /// Each call's workflow result, by call SID.
    private let results = Rendezvous<String, JSONValue>(capacity: 1000)

    /// Real-time calls running `catalogue`'s workflows, reachable at `publicURL` (`nil` until it is
    /// known, or when Twilio cannot reach the connector). `store` holds the status callbacks
    /// makeCall waits on (without one it polls Twilio); `client` acts on inbound calls.
    public init(catalogue: WorkflowCatalogue, publicURL: @escaping @Sendable () -> String?, store: (any ConnectorStore)?,
                client: TwilioClient?, settings: RealtimeCallSettings = RealtimeCallSettings(), logger: Logger) {
        self.catalogue = catalogue
        self.publicURL = publicURL
        self.store = store
        self.client = client
        self.settings = settings
        self.logger = logger
        tokens = StreamTokens(lifetime: settings.tokenLifetime)
    }

    // MARK: makeCall

    public var workflowNames: [String] { catalogue.names }

    public func prepareCall(workflow: String, from: String, to: String, client: TwilioClient) async throws(ActionFailure) -> RealtimeCallPlan {
        guard let base = publicURL() else {
            throw .other("subWorkflow needs a public URL at which Twilio reaches the connector: set --public-url or TWILIO_CONNECTOR_PUBLIC_URL "
                         + "(Twilio streams the call to wss://<that host>/streams/\(workflow)). Nothing was dialled.")
        }
        let sequence: Int64?
        do { sequence = try await store?.latestSequence() } catch {
            logger.warning("The store could not be read before a real-time call; its progress will be polled: \(error)")
            sequence = nil
        }
        let token = await tokens.issue(workflow: workflow, client: client, callSid: nil)
        let twiml = Self.twiml(stream: StreamURL.make(base: base, workflow: workflow), token: token,
                               parameters: [("From", from), ("To", to), ("Direction", "outbound-api")])
        return RealtimeCallPlan(workflow: workflow, twiml: twiml, statusCallback: Self.webhook(base, "callStatus"), token: token,
                                eventSequence: sequence)
    }

    public func awaitEnd(of callSid: String, plan: RealtimeCallPlan, client: TwilioClient, maxDuration: Duration?) async -> RealtimeCallEnd {
        await tokens.bind(plan.token, to: callSid)
        let waiter = CallProgressWaiter(reader: store.map(TriggerEventReader.init), client: client, pollInterval: settings.pollInterval,
                                        logger: logger)
        var progress = await waiter.follow(callSid, after: plan.eventSequence, until: maxDuration.map { .now + $0 })
        let timedOut = !progress.isFinal
        if timedOut {
            await waiter.hangUp(callSid, progress: &progress)
            progress = await waiter.follow(callSid, after: plan.eventSequence, until: .now + settings.pollInterval)
        }
        if progress.call == nil || progress.duration == nil { await waiter.poll(callSid, into: &progress) }
        await tokens.revoke(plan.token)
        let answered = progress.status == .completed || timedOut
        let result = answered ? await results.take(callSid, timeout: settings.resultWait) : await results.peek(callSid)
        await results.remove(callSid)
        return RealtimeCallEnd(status: timedOut ? "timeout" : progress.seedStatus, callStatus: progress.status, duration: progress.duration,
                               call: progress.call, result: result ?? .null)
    }

    public func abandon(_ plan: RealtimeCallPlan) async {
        await tokens.revoke(plan.token)
    }

    // MARK: inboundCall and the streams

    /// The TwiML answering the inbound call `call` (its webhook's parameters) for `workflow`: a
    /// `<Connect><Stream>` to `base`'s streams with a token bound to the call; a spoken refusal
    /// when the workflow does not exist or no connection can act on the call.
    public func answerInboundCall(workflow: String, call: WebhookParameters, base: String) async -> String {
        guard let client, catalogue.workflow(named: workflow) != nil, let callSid = call["CallSid"] else {
            logger.error("An inbound call asked for the real-time workflow '\(workflow)', which does not exist; the workflows are \(workflowNames.joined(separator: ", "))",
                         metadata: ["call": "\(call["CallSid"] ?? "")"])
            return Self.unavailableAnswer
        }
        let token = await tokens.issue(workflow: workflow, client: client, callSid: callSid)
        let parameters = ["From", "To", "Direction"].compactMap { name in call[name].map { (name, $0) } }
        return Self.twiml(stream: StreamURL.make(base: base, workflow: workflow), token: token, parameters: parameters)
    }

    /// Opens a stream Twilio connected to `/streams/<workflow>`, its messages to Twilio going to
    /// `output`: the connection to hand Twilio's messages to and to ``run(_:)``; `nil` when no
    /// workflow has that name. Its token must match its call, or the stream ends at `start`.
    public func openStream(workflow name: String, output: some MediaStreamOutput, logger: Logger) -> StreamConnection? {
        guard let workflow = catalogue.workflow(named: name) else { return nil }
        let session = StreamSession(name: name, workflow: workflow, settings: settings.stream, logger: logger) { [tokens, settings] call, token in
            switch await tokens.claim(token, callSid: call.callSid, workflow: name, bindingWait: settings.bindingWait) {
            case .success(let grant): .granted(TwilioCallControl(client: grant.client.withLogger(logger)))
            case .failure(let refusal): .refused("the stream for call \(call.callSid) is refused: \(refusal)")
            }
        }
        return session.open(output: output)
    }

    /// Runs a stream opened by ``openStream(workflow:output:logger:)`` until it ends; keeps the
    /// workflow's result for makeCall.
    public func run(_ stream: StreamConnection) async {
        let report = await stream.run()
        if let call = report.start, let result = report.result {
            await results.put(call.callSid, .object(result))
        }
    }

    /// The TwiML answering a call no workflow can take: an apology, then a hang-up.
    public static let unavailableAnswer = VoiceResponse([.say(TwiML.Say("This number is not set up to take calls. Goodbye.")), .hangup]).xml()

    /// `<Response><Connect><Stream url="…">` with the token and `parameters` as `<Parameter>`s.
    static func twiml(stream url: String, token: String, parameters: [(String, String)]) -> String {
        let parameters = [TwiML.Parameter(name: StreamSessionStateMachine.tokenParameter, value: token)]
            + parameters.map { TwiML.Parameter(name: $0.0, value: $0.1) }
        return VoiceResponse([.connect(TwiML.Connect([.stream(TwiML.Stream(url: url, parameters: parameters))]))]).xml()
    }

    /// The URL of `trigger`'s webhook on `base`.
    static func webhook(_ base: String, _ trigger: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/webhooks/twilio/" + trigger
    }
}
