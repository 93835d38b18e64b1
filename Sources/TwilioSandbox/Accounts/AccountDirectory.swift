import Foundation

/// The sandbox's accounts and the API keys issued to them.
actor AccountDirectory {
    /// An API key: `SK…` and its secret.
    struct APIKey: StoredRecord {
        static let kind = "api-key"
        let sid: String
        let secret: String
        let accountSID: String
        let friendlyName: String?
        let dateCreated: Date
    }

    private var tokens: [String: String]
    private var keys: RecordTable<APIKey>

    /// The main account, with the API keys `store` kept.
    init(accountSID: String, authToken: String, store: SandboxStore?) throws {
        tokens = [accountSID: authToken]
        keys = try RecordTable(store: store)
    }

    /// Adds an account (for isolation tests).
    func addAccount(_ sid: String, authToken: String) {
        tokens[sid] = authToken
    }

    /// The account that `username`/`password` authenticate, if any.
    func authenticate(username: String, password: String) -> String? {
        if let token = tokens[username], Self.constantTimeEquals(token, password) { return username }
        if let key = keys[username], Self.constantTimeEquals(key.secret, password) { return key.accountSID }
        return nil
    }

    /// The Auth Token of `accountSID`, which signs its webhooks.
    func authToken(of accountSID: String) -> String? { tokens[accountSID] }

    /// Issues a new API key for `accountSID`.
    func issueKey(accountSID: String, friendlyName: String?) -> APIKey {
        let key = APIKey(sid: SID.make("SK"), secret: SID.make(""), accountSID: accountSID,
                         friendlyName: friendlyName, dateCreated: Date())
        keys.save(key)
        return key
    }

    /// Compares two secrets in time that does not depend on where they differ.
    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
