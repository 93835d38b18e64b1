import Foundation
import Synchronization

/// Hands each ``StoreChange`` to every current listener of this process. Listeners that fall
/// behind keep only the newest signal of each kind: a signal means "re-read", not "this happened".
public final class ChangeBroadcaster: Sendable {
    private let listeners = Mutex<[UUID: AsyncStream<StoreChange>.Continuation]>([:])

    /// Creates a broadcaster with no listeners.
    public init() {}

    /// A stream of the changes signalled from now on; it ends when the listener stops iterating.
    public func stream() -> AsyncStream<StoreChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .bufferingNewest(2))
        let id = UUID()
        listeners.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Signals `change` to every listener.
    public func signal(_ change: StoreChange) {
        for continuation in listeners.withLock({ Array($0.values) }) { continuation.yield(change) }
    }
}
