import TwilioKit

/// A parameter a dialect adds to every action it presents, beside the core's: declared once, it is
/// in the action's schema and validated with the core's parameters, then checked against the
/// call's context before the core action runs (so a refusal still means nothing was sent).
struct DialectParameter: Sendable {
    /// Name, type, rule and description.
    let spec: ParameterSpec
    /// Throws when the validated input does not fit the call's context.
    let check: @Sendable (ActionInput, ActionContext) throws(ActionFailure) -> Void

    /// A parameter taken before validation (credentials, read by ``ConnectionResolver``): it is
    /// only described.
    init(described spec: ParameterSpec) {
        self.spec = spec
        check = { _, _ throws(ActionFailure) in }
    }

    init(_ spec: ParameterSpec, check: @escaping @Sendable (ActionInput, ActionContext) throws(ActionFailure) -> Void) {
        self.spec = spec
        self.check = check
    }

    /// Seed 004's `Account SID`: the account the action acts on. It must be the connection's
    /// account; another is refused, naming the parameter, and never acted on.
    static let accountSid = DialectParameter(ParameterSpec(
        "AccountSid", .string(.sid("AC")),
        "The account the action acts on (AC…). It must be the connection's account: another is refused, never acted on.")
    ) { input, context throws(ActionFailure) in
        guard let given = input.string("AccountSid"), given != context.client.accountSID else { return }
        throw .invalidInput([ValidationIssue(
            parameter: "AccountSid",
            rule: "is \(given), but the connection is account \(context.client.accountSID): an action only acts on its connection's account",
            value: given, kind: .combination)])
    }
}
