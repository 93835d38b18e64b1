import Foundation
import TwilioKit

/// The one-time tokens of real-time calls: each issued with the TwiML that streams one call to one
/// workflow, bound to that call's SID (at once for an inbound call, once Twilio has created an
/// outbound one), and claimed once by the stream that presents it.
actor StreamTokens {
    /// What a token was issued for.
    struct Grant: Sendable {
        let workflow: String
        /// The client the call is controlled with.
        let client: TwilioClient
        let issued: ContinuousClock.Instant
    }

    private var grants: [String: Grant] = [:]
    /// Token → call SID.
    private let bindings = Rendezvous<String, String>()
    private let lifetime: Duration

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    /// A new token for a call to `workflow`, bound at once when `callSid` is known.
    func issue(workflow: String, client: TwilioClient, callSid: String?) async -> String {
        let now = ContinuousClock.now
        grants = grants.filter { now - $0.value.issued < lifetime }
        let token = RandomHex.digits(words: 4)
        grants[token] = Grant(workflow: workflow, client: client, issued: now)
        if let callSid { await bindings.put(token, callSid) }
        return token
    }

    /// Binds `token` to the call Twilio created with it.
    func bind(_ token: String, to callSid: String) async {
        await bindings.put(token, callSid)
    }

    /// Forgets `token`.
    func revoke(_ token: String) async {
        grants[token] = nil
        await bindings.remove(token)
    }

    /// Claims `token` for the stream of `callSid` to `workflow`, once: the grant, or why not. An
    /// outbound call's stream may start before its creation has been answered: the binding is
    /// awaited up to `bindingWait`.
    func claim(_ token: String?, callSid: String, workflow: String, bindingWait: Duration) async -> Result<Grant, ClaimRefusal> {
        guard let token, let grant = grants[token] else { return .failure(.unknown) }
        guard grant.workflow == workflow else { return .failure(.otherWorkflow(grant.workflow)) }
        guard ContinuousClock.now - grant.issued < lifetime else { return .failure(.unknown) }
        grants[token] = nil
        guard let bound = await bindings.take(token, timeout: bindingWait) else { return .failure(.unbound) }
        await bindings.remove(token)
        guard bound == callSid else { return .failure(.otherCall) }
        return .success(grant)
    }

    /// Why a token was refused (never holding the token).
    enum ClaimRefusal: Error, CustomStringConvertible {
        case unknown, otherWorkflow(String), otherCall, unbound

        var description: String {
            switch self {
            case .unknown: "its stream token is missing, unknown, used already or expired"
            case .otherWorkflow(let workflow): "its stream token was issued for the workflow '\(workflow)'"
            case .otherCall: "its stream token was issued for another call"
            case .unbound: "its stream token was never bound to a call (the call's creation did not complete)"
            }
        }
    }
}
