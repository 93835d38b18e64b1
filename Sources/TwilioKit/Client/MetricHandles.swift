import Synchronization

/// Metric handles (swift-metrics counters, timers) made once per key and reused. Making one asks
/// the bootstrapped factory, whose registry locks, validates and looks the metric up again on
/// every request otherwise. A handle is made on first use, so a process bootstraps swift-metrics
/// before it records anything (as `serve` does first thing).
package final class MetricHandles<Key: Hashable & Sendable, Handle: Sendable>: Sendable {
    private let make: @Sendable (Key) -> Handle
    private let handles = Mutex<[Key: Handle]>([:])

    /// Handles that `make` makes, once per key.
    package init(_ make: @escaping @Sendable (Key) -> Handle) {
        self.make = make
    }

    /// The handle for `key`, made now if it is the first time.
    package subscript(_ key: Key) -> Handle {
        handles.withLock { handles in
            if let handle = handles[key] { return handle }
            let handle = make(key)
            handles[key] = handle
            return handle
        }
    }
}
