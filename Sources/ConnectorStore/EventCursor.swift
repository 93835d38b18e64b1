import Foundation

/// A position in the event log as engines see it: an opaque token (`c1-…`) naming the last event
/// they received. Stable across restarts and instances, since it names a log position.
public struct EventCursor: Sendable, Equatable, CustomStringConvertible {
    /// The log position of the last event received (0: before the first).
    public let sequence: Int64

    /// The cursor after the event at `sequence`.
    public init(sequence: Int64) {
        self.sequence = sequence
    }

    /// Reads a token made by ``description``; `nil` for anything else.
    public init?(token: String) {
        guard token.hasPrefix(Self.prefix), let sequence = Int64(token.dropFirst(Self.prefix.count), radix: 36), sequence >= 0 else {
            return nil
        }
        self.sequence = sequence
    }

    /// The token.
    public var description: String { Self.prefix + String(sequence, radix: 36) }

    private static let prefix = "c1-"
}
