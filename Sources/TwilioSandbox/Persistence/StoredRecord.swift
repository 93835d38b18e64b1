/// A record the sandbox can keep in its state file: Codable, known by its kind and SID, and owned
/// by one account.
protocol StoredRecord: Codable, Sendable {
    /// The kind of resource (`message`, `call`, …): one kind per record type.
    static var kind: String { get }
    /// The record's SID, unique within its kind.
    var sid: String { get }
    /// The account that owns it: to every other account it does not exist.
    var accountSID: String { get }
}
