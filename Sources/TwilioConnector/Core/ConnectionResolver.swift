import TwilioKit

/// Finds the credentials of one call: an explicit `connection` object, credentials passed among
/// the parameters (the block dialect's `accountSid`/`authToken`), or the default connection.
enum ConnectionResolver {
    /// Credential parameter names any dialect may pass; they are removed from the parameters.
    static let credentialNames = ["accountSid", "authToken", "username", "password", "apiKey", "apiSecret"]

    /// Why `connection` is not a connection object of the documented keys, or `nil` when it is.
    static func problem(with connection: JSONValue) -> String? {
        guard case .object(let fields) = connection else {
            return "connection must be an object such as {\"accountSid\": \"AC…\", \"authToken\": \"…\"}"
        }
        let unknown = fields.keys.filter { !credentialNames.contains($0) }.sorted()
        guard unknown.isEmpty else {
            return "connection has \(unknown.joined(separator: ", ")), which it does not take; its keys are \(credentialNames.joined(separator: ", "))"
        }
        let notText = fields.filter { $0.value.stringValue == nil && $0.value != .null }.keys.sorted()
        return notText.isEmpty ? nil : "connection's \(notText.joined(separator: ", ")) must be strings"
    }

    /// The connection of one call: the given one, or `nil` for `fallback` (which then exists).
    static func resolve(explicit: JSONValue?, parameters: inout [String: JSONValue], fallback: TwilioConfiguration?) -> Result<TwilioConfiguration?, ActionFailure> {
        var fields = explicit?.objectFields ?? [:]
        for name in credentialNames {
            if let value = parameters.removeValue(forKey: name), fields[name] == nil { fields[name] = value }
        }
        func text(_ name: String) -> String? {
            guard let value = fields[name]?.scalarText?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        let accountSID = text("accountSid") ?? text("username")
        let secret = text("authToken") ?? text("password")
        let endpoint = fallback?.endpoint ?? .twilio()
        if let key = text("apiKey") {
            guard let accountSID, let keySecret = text("apiSecret") else {
                return .failure(.invalidInput([ValidationIssue(parameter: "apiKey", rule: "needs apiSecret and accountSid as well", kind: .combination)]))
            }
            return .success(configuration(.apiKey(key, secret: keySecret, accountSID: accountSID), endpoint: endpoint, fallback: fallback))
        }
        switch (accountSID, secret) {
        case let (sid?, token?):
            guard ParameterSpec.StringRule.sid("AC").problem(with: sid) == nil else {
                return .failure(.invalidInput([ValidationIssue(parameter: "accountSid", rule: "must be an Account SID: AC followed by 32 hexadecimal digits")]))
            }
            return .success(configuration(.authToken(accountSID: sid, authToken: token), endpoint: endpoint, fallback: fallback))
        case (_?, nil):
            return .failure(.invalidInput([ValidationIssue(parameter: "authToken", rule: "is required with accountSid", kind: .combination)]))
        case (nil, _?):
            return .failure(.invalidInput([ValidationIssue(parameter: "accountSid", rule: "is required with authToken", kind: .combination)]))
        case (nil, nil):
            guard fallback != nil else {
                return .failure(.other("No Twilio connection: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or pass accountSid and authToken."))
            }
            return .success(nil)
        }
    }

    private static func configuration(_ credentials: TwilioCredentials, endpoint: TwilioEndpoint, fallback: TwilioConfiguration?) -> TwilioConfiguration {
        var configuration = fallback ?? TwilioConfiguration(credentials: credentials, endpoint: endpoint)
        configuration.credentials = credentials
        return configuration
    }
}
