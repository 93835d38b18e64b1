import Foundation

/// How the client authenticates to Twilio: HTTP Basic auth with either the Account SID and its
/// Auth Token, or an API Key SID and its secret (with the Account SID the key belongs to).
///
/// The secret never appears in `description`, `debugDescription`, errors or log lines.
public struct TwilioCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The Account SID (`AC…`) whose resources the client works on.
    public let accountSID: String
    /// The Basic-auth user name: the Account SID or an API Key SID (`SK…`).
    public let username: String
    /// The Basic-auth password: the Auth Token or the API Key secret.
    let password: String

    /// Authenticates with the account's own Auth Token.
    public static func authToken(accountSID: String, authToken: String) -> TwilioCredentials {
        TwilioCredentials(accountSID: accountSID, username: accountSID, password: authToken)
    }

    /// Authenticates with an API key (`SK…`) and its secret, acting on `accountSID`.
    public static func apiKey(_ keySID: String, secret: String, accountSID: String) -> TwilioCredentials {
        TwilioCredentials(accountSID: accountSID, username: keySID, password: secret)
    }

    /// The value of the `Authorization` header.
    var basicAuthorizationHeader: String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// Whether this is an Auth Token pair (whose password can sign and validate webhooks).
    public var usesAuthToken: Bool { username == accountSID }

    /// The auth token, for validating webhook signatures; `nil` for API key credentials,
    /// whose secret cannot validate Twilio's signatures.
    public var webhookSigningKey: String? { usesAuthToken ? password : nil }

    public var description: String {
        "TwilioCredentials(accountSID: \(accountSID), username: \(username), secret: <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["accountSID": accountSID, "username": username, "password": "<redacted>"])
    }
}
