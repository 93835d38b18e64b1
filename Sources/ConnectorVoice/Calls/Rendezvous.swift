/// Values handed from one task to another by key: one puts, the other takes, in either order,
/// waiting at most so long. Values not taken are forgotten after `capacity` newer ones.
actor Rendezvous<Key: Hashable & Sendable, Value: Sendable> {
    private var values: [Key: Value] = [:]
    private var order: [Key] = []
    private var waiters: [Key: [(id: Int, continuation: CheckedContinuation<Value?, Never>)]] = [:]
    private var lastID = 0
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// Hands `value` to whoever waits for `key` (or keeps it for the next to ask).
    func put(_ key: Key, _ value: Value) {
        if let waiting = waiters.removeValue(forKey: key), !waiting.isEmpty {
            for waiter in waiting { waiter.continuation.resume(returning: value) }
        }
        if values.updateValue(value, forKey: key) == nil { order.append(key) }
        if order.count > capacity {
            values[order.removeFirst()] = nil
        }
    }

    /// The value of `key`, if it was put already.
    func peek(_ key: Key) -> Value? {
        values[key]
    }

    /// The value of `key`: at once if it was put, else when it is, or `nil` after `timeout`.
    func take(_ key: Key, timeout: Duration) async -> Value? {
        if let value = values[key] { return value }
        lastID += 1
        let id = lastID
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            await self?.expire(key, id)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            waiters[key, default: []].append((id, continuation))
        }
    }

    /// Forgets `key`.
    func remove(_ key: Key) {
        values[key] = nil
    }

    private func expire(_ key: Key, _ id: Int) {
        guard var waiting = waiters[key], let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: nil)
        waiters[key] = waiting.isEmpty ? nil : waiting
    }
}
