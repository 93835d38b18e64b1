/// Wakes one waiter: ``wait(upTo:)`` returns when ``ring()`` is called (or was called since the
/// last wait), when the time is up, or when the waiting task is cancelled.
actor Doorbell {
    private var rung = false
    private var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
    private var lastID = 0

    /// Wakes the waiter, or the next one if none is waiting.
    func ring() {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume()
        } else {
            rung = true
        }
    }

    /// Waits for a ring, at most `timeout`.
    func wait(upTo timeout: Duration) async {
        if rung || Task.isCancelled {
            rung = false
            return
        }
        lastID += 1
        let id = lastID
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in waiter = (id, continuation) }
        } onCancel: {
            Task { [weak self] in await self?.expire(id) }
        }
        timer.cancel()
        rung = false
    }

    private func expire(_ id: Int) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume()
    }
}
