import TwilioKit

/// What an action needs to run: the client for the connection, and where files may be written.
public struct ActionContext: Sendable {
    /// The Twilio client for this call's connection.
    public var client: TwilioClient
    /// Where Twilio reaches this connector's webhooks, if it can.
    public var webhookBaseURL: String?
    /// Where the action may write files.
    public var fileAccess: FileAccess = .anywhere
    /// The default list limit (the agent toolkit's documented 50).
    public var defaultListLimit = 50
    /// Told how far a long action (a bulk send) has got.
    public var progress: @Sendable (ActionProgress) -> Void = { _ in }
    /// Durable bulk jobs, when the connector has a store and the call uses its default connection.
    var jobs: BulkJobs?
    /// Runs real-time workflows during calls (makeCall's `subWorkflow`), when the connector has them.
    public var realtime: (any RealtimeCallService)?

    /// The status callback that reports to this connector's `trigger`, unless `input` turns
    /// tracking off (`TrackStatus` false) or the connector has no public URL.
    func statusCallback(to trigger: String, _ input: ActionInput) -> String? {
        guard input.bool("TrackStatus") != false, let webhookBaseURL else { return nil }
        return webhookBaseURL + "/webhooks/twilio/" + trigger
    }
}

/// How far a long action has got: items done of the total, and how many of them failed.
public struct ActionProgress: Sendable, Equatable {
    /// Items finished (sent or failed).
    public var completed: Int
    /// Items to do.
    public var total: Int
    /// Finished items that failed.
    public var failed: Int

    /// Creates a progress report.
    public init(completed: Int, total: Int, failed: Int) {
        self.completed = completed
        self.total = total
        self.failed = failed
    }
}

/// One operation of the core catalogue producing an `Output` (a TwilioKit model, a list of them, a
/// report): its signature and what it does. Dialects present it under their own names and render
/// its `Output` in their own shapes; the type links the two, so a renderer cannot receive the
/// output of another action.
struct CoreAction<Output: Sendable>: Sendable {
    /// Names, parameters and rules.
    let signature: ActionSignature
    let perform: @Sendable (ActionInput, ActionContext) async throws(ActionFailure) -> Output

    /// Creates an action.
    init(_ name: String, title: String, summary: String, parameters: [ParameterSpec], rules: [CrossRule] = [],
         perform: @escaping @Sendable (ActionInput, ActionContext) async throws(ActionFailure) -> Output) {
        signature = ActionSignature(name: name, title: title, summary: summary, parameters: parameters, rules: rules)
        self.perform = perform
    }
}

/// What an action is, whatever it produces: its core name, title, summary, parameters
/// (Twilio-cased) and the rules across them.
public struct ActionSignature: Sendable {
    /// The core name (`sendSMS`), also the component dialect's.
    public let name: String
    /// A short title.
    public let title: String
    /// What the action does.
    public let summary: String
    /// Its parameters.
    public let parameters: [ParameterSpec]
    /// Rules across parameters.
    public let rules: [CrossRule]

    /// Creates a signature: what a caller of an operation outside the catalogue (an MCP tool, a
    /// trigger's filter) may pass, checked by the same core as every action.
    public init(name: String, title: String, summary: String, parameters: [ParameterSpec], rules: [CrossRule] = []) {
        self.name = name
        self.title = title
        self.summary = summary
        self.parameters = parameters
        self.rules = rules
    }

    /// Validates `raw` against the parameters and rules: the values typed and defaulted, or every
    /// issue at once (`success: false` with `invalidParameters` in ``ActionFailure/envelope``).
    public func validate(_ raw: [String: JSONValue]) -> Result<ActionInput, ActionFailure> {
        ActionInput.validate(raw, specs: parameters, rules: rules)
    }

    /// The JSON Schema of the input, with parameter names as `rename` gives them.
    public func inputSchema(rename: (String) -> String = { $0 }, hiding hidden: Set<String> = [], defaults: [String: JSONValue] = [:]) -> JSONValue {
        let visible = parameters.filter { !hidden.contains($0.name) }
        func schema(_ spec: ParameterSpec) -> JSONValue {
            guard let value = defaults[spec.name], case .object(var fields) = spec.schema else { return spec.schema }
            fields["default"] = value
            return .object(fields)
        }
        return .object([
            "type": "object",
            "properties": .object(Dictionary(uniqueKeysWithValues: visible.map { (rename($0.name), schema($0)) })),
            "required": .array(visible.filter(\.required).map { .string(rename($0.name)) }),
            "additionalProperties": false,
        ])
    }
}

/// Runs a TwilioKit call, turning its error into an action failure.
func twilio<T>(_ call: () async throws(TwilioError) -> T) async throws(ActionFailure) -> T {
    do { return try await call() } catch { throw .twilio(error) }
}

/// Collects up to `limit` items of a list and tells whether more exist.
func collect<Item>(_ list: (Int) -> TwilioList<Item>, limit: Int) async throws(ActionFailure) -> ListResult<Item> {
    ListResult(try await twilio { () async throws(TwilioError) in try await list(limit).collectSlice() })
}
