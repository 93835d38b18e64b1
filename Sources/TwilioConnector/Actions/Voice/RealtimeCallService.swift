import TwilioKit

/// Runs makeCall's real-time workflows (`subWorkflow`): prepares the TwiML that streams a call's
/// audio to the connector, and waits until the call ends. The connector's actions ask; the voice
/// layer (ConnectorVoice) answers, with its sessions, workflows and the wait on call progress.
public protocol RealtimeCallService: Sendable {
    /// The names `subWorkflow` may take, sorted.
    var workflowNames: [String] { get }

    /// Prepares a call from `from` to `to` whose audio `workflow` handles: the TwiML that connects
    /// it (`<Connect><Stream>` with a one-time token) and where its status callbacks go. Throws,
    /// before anything is dialled, when the connector cannot be reached (no public URL).
    /// `client` is the connection the call is placed with (the workflow acts on the call with it).
    func prepareCall(workflow: String, from: String, to: String, client: TwilioClient) async throws(ActionFailure) -> RealtimeCallPlan

    /// Waits until the call `callSid`, placed with `plan`, reaches a final status; with
    /// `maxDuration` the call is hung up when that time has passed, and the status is `timeout`.
    func awaitEnd(of callSid: String, plan: RealtimeCallPlan, client: TwilioClient, maxDuration: Duration?) async -> RealtimeCallEnd

    /// Forgets `plan`: its call could not be placed.
    func abandon(_ plan: RealtimeCallPlan) async
}

/// What a real-time call is placed with.
public struct RealtimeCallPlan: Sendable {
    /// The workflow that handles the call.
    public let workflow: String
    /// The call's TwiML: `<Connect><Stream url="wss://…/streams/<workflow>">` and its `<Parameter>`s.
    public let twiml: String
    /// Where Twilio posts the call's progress (the `callStatus` trigger's webhook).
    public let statusCallback: String
    /// The one-time token in ``twiml``, which the stream must present.
    public let token: String
    /// The store's last event before the call was placed, where the wait reads status callbacks from.
    public let eventSequence: Int64?

    /// Creates a plan.
    public init(workflow: String, twiml: String, statusCallback: String, token: String, eventSequence: Int64?) {
        self.workflow = workflow
        self.twiml = twiml
        self.statusCallback = statusCallback
        self.token = token
        self.eventSequence = eventSequence
    }
}

/// How a real-time call ended.
public struct RealtimeCallEnd: Sendable {
    /// Seed 002's final status: `completed`, `failed`, `busy`, `no-answer`, or `timeout` when
    /// `maxDuration` passed (the call was hung up).
    public var status: String
    /// Twilio's final status of the call (`canceled` when it was hung up before it was answered).
    public var callStatus: CallStatus?
    /// The call's length in seconds.
    public var duration: Int?
    /// The call as Twilio last described it, if it could be read.
    public var call: Call?
    /// The workflow's result (a JSON object), `null` when no stream ran.
    public var result: JSONValue

    /// Creates an outcome.
    public init(status: String, callStatus: CallStatus?, duration: Int?, call: Call?, result: JSONValue) {
        self.status = status
        self.callStatus = callStatus
        self.duration = duration
        self.call = call
        self.result = result
    }
}
