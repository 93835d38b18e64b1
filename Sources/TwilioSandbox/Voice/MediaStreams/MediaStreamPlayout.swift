/// The application's audio on its way to the caller, with the marks sent between it, as Twilio
/// buffers them on a bidirectional stream: audio plays in the order received, one 20 ms frame
/// (160 bytes of 8 kHz µ-law) per ``tick()``; a mark comes back once every byte queued before it
/// has *finished* playing — or at once when nothing is queued or playing; `clear` drops the
/// queued audio and gives back every pending mark. Time is the caller's: each ``tick()`` is the
/// end of one frame, so tests move it frame by frame.
///
/// A frame that starts at one tick has played at the next, so a mark after `n` bytes sent to an
/// idle stream comes back `ceil(n / 160)` ticks after the first tick that follows it: never
/// before its audio could have played at 8000 bytes a second.
struct MediaStreamPlayout: Sendable {
    /// A queued piece of audio, or a mark.
    private enum Item: Sendable {
        case audio(ArraySlice<UInt8>)
        case mark(String)
    }

    /// Bytes per frame: 20 ms of 8 kHz µ-law.
    static let frameBytes = CallerAudio.frameBytes
    /// The most audio waiting to play: ten minutes (Twilio discards more, 31931).
    static let capacity = 10 * 60 * CallerAudio.sampleRate

    private var queue: [Item] = []
    /// Bytes of the frame playing now, 0 when none is.
    private var playing = 0
    /// Marks passed while filling the frame playing now: reached when it has played.
    private var reachedWhenFramePlayed: [String] = []
    /// Audio bytes in ``queue``.
    private(set) var queuedBytes = 0
    /// Bytes played to the caller so far (a frame counts once it starts).
    private(set) var playedBytes = 0
    /// Bytes dropped by `clear` so far.
    private(set) var clearedBytes = 0
    /// Bytes refused because the buffer was full.
    private(set) var discardedBytes = 0

    /// Queues audio after what is already queued; `false` (and the audio is discarded) when it
    /// would take the buffer past ``capacity``.
    mutating func enqueue(audio: [UInt8]) -> Bool {
        guard !audio.isEmpty else { return true }
        guard queuedBytes + audio.count <= Self.capacity else {
            discardedBytes += audio.count
            return false
        }
        queue.append(.audio(audio[...]))
        queuedBytes += audio.count
        return true
    }

    /// Queues a mark; returns the marks reached now: this one when nothing is playing or queued
    /// ahead of it.
    mutating func enqueue(mark name: String) -> [String] {
        queue.append(.mark(name))
        return playing == 0 ? takeLeadingMarks() : []
    }

    /// A frame's time has passed: the frame that was playing has played out, and the next one
    /// starts. Returns the marks reached, in order.
    mutating func tick() -> [String] {
        let reached = reachedWhenFramePlayed + takeLeadingMarks()
        reachedWhenFramePlayed = []
        playing = 0
        while playing < Self.frameBytes, let first = queue.first {
            switch first {
            case .mark(let name):
                reachedWhenFramePlayed.append(name)
                queue.removeFirst()
            case .audio(let audio):
                let taken = min(Self.frameBytes - playing, audio.count)
                playing += taken
                queuedBytes -= taken
                playedBytes += taken
                if taken == audio.count {
                    queue.removeFirst()
                } else {
                    queue[0] = .audio(audio.dropFirst(taken))
                }
            }
        }
        return reached
    }

    /// Drops all queued audio and stops the frame playing; returns every pending mark, in order.
    mutating func clear() -> [String] {
        var marks = reachedWhenFramePlayed
        for item in queue {
            switch item {
            case .mark(let name): marks.append(name)
            case .audio(let audio): clearedBytes += audio.count
            }
        }
        queue.removeAll()
        queuedBytes = 0
        reachedWhenFramePlayed = []
        playing = 0
        return marks
    }

    /// Removes the marks at the head of the queue (no audio ahead of them) and returns them.
    private mutating func takeLeadingMarks() -> [String] {
        var marks: [String] = []
        while case .mark(let name)? = queue.first {
            marks.append(name)
            queue.removeFirst()
        }
        return marks
    }
}
