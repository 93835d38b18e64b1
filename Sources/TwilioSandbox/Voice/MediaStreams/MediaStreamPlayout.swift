/// The application's audio waiting to be played to the caller, with the marks sent between it,
/// as Twilio buffers them on a bidirectional stream: audio plays in the order received, 8000
/// bytes a second; a mark is reached once all the audio queued before it has played; `clear`
/// drops the audio and gives back every pending mark.
struct MediaStreamPlayout: Sendable {
    /// A queued piece of audio, or a mark.
    private enum Item: Sendable {
        case audio(ArraySlice<UInt8>)
        case mark(String)
    }

    private var queue: [Item] = []
    /// Bytes played to the caller so far.
    private(set) var playedBytes = 0
    /// Bytes dropped by `clear` so far.
    private(set) var clearedBytes = 0

    /// Queues audio after what is already queued.
    mutating func enqueue(audio: [UInt8]) {
        guard !audio.isEmpty else { return }
        queue.append(.audio(audio[...]))
    }

    /// Queues a mark; returns the marks reached now (this one too when no audio is ahead of it).
    mutating func enqueue(mark name: String) -> [String] {
        queue.append(.mark(name))
        return play(0)
    }

    /// Plays up to `count` bytes; returns the marks reached, in order.
    mutating func play(_ count: Int) -> [String] {
        var remaining = count
        var reached: [String] = []
        while let first = queue.first {
            switch first {
            case .mark(let name):
                reached.append(name)
                queue.removeFirst()
            case .audio(let audio):
                guard remaining > 0 else { return reached }
                let played = min(remaining, audio.count)
                remaining -= played
                playedBytes += played
                if played == audio.count {
                    queue.removeFirst()
                } else {
                    queue[0] = .audio(audio.dropFirst(played))
                }
            }
        }
        return reached
    }

    /// Drops all queued audio; returns every pending mark, in order.
    mutating func clear() -> [String] {
        let marks = queue.compactMap { item -> String? in
            switch item {
            case .mark(let name): return name
            case .audio(let audio):
                clearedBytes += audio.count
                return nil
            }
        }
        queue.removeAll()
        return marks
    }
}
