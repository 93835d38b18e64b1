import Synchronization

/// The URL the server listens on, known once it has started.
final class LocalURL: Sendable {
    private let storage = Mutex<String?>(nil)

    /// The URL, once set.
    var value: String? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
