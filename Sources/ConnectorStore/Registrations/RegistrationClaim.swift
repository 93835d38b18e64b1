/// What ``ConnectorStore/claimRegistration(_:)`` did: the slot was free and is now the new
/// registration's, or another registration holds it.
public enum RegistrationClaim: Sendable, Equatable {
    /// The registration is stored: its slot is its own.
    case claimed
    /// Another registration holds the slot (a concurrent one may have won the race): this one.
    case taken(Registration)
}
