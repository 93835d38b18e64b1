/// The audio a workflow queued for the caller, with its marks, and the pace at which it goes to
/// Twilio: in 20 ms frames (160 bytes of 8 kHz µ-law), never more than `lead` ahead of what the
/// caller has heard, so that a `clear` (barge-in) drops the rest here rather than at Twilio, and
/// Twilio's buffer stays short. A mark goes out right after the audio queued before it.
///
/// Pure: the time is passed in, and the caller sends what ``next(at:)`` hands out.
struct OutboundPlayout {
    /// What to do next.
    enum Next: Equatable {
        /// Send this audio (at most one frame).
        case audio(ArraySlice<UInt8>)
        /// Send this mark.
        case mark(String)
        /// Audio is queued but Twilio has enough: look again at this time.
        case wait(until: Duration)
        /// Nothing is queued.
        case idle
    }

    static let frameBytes = 160
    /// The time one µ-law byte (sample) plays.
    static let byteDuration = Duration.microseconds(125)

    /// How far ahead of the caller's ear audio may be sent.
    let lead: Duration
    /// Unsent audio from ``unsentStart``.
    private var bytes: [UInt8] = []
    private var unsentStart = 0
    /// Marks not sent yet, by the number of bytes queued before them (counted from the start of the stream).
    private var marks: [(position: Int, name: String)] = []
    private var markStart = 0
    /// Bytes queued and sent since the start of the stream.
    private var queuedCount = 0
    private var sentCount = 0
    /// When Twilio will have played everything sent so far.
    private(set) var playedBy: Duration = .zero

    init(lead: Duration) {
        self.lead = lead
    }

    /// Whether nothing is waiting to be sent.
    var isEmpty: Bool { sentCount == queuedCount && markStart == marks.count }

    /// Queues audio after everything queued so far.
    mutating func enqueue(audio: some Collection<UInt8>) {
        compactBytes()
        bytes.append(contentsOf: audio)
        queuedCount += audio.count
    }

    /// Queues a mark after the audio queued so far.
    mutating func enqueue(mark name: String) {
        marks.append((queuedCount, name))
    }

    /// Drops everything not sent yet; the marks dropped, in order.
    mutating func clear() -> [String] {
        let dropped = marks[markStart...].map(\.name)
        bytes.removeAll(keepingCapacity: true)
        unsentStart = 0
        marks.removeAll(keepingCapacity: true)
        markStart = 0
        sentCount = queuedCount
        return dropped
    }

    /// What to send at `now`. Audio handed out counts as sent: the caller sends it before asking again.
    mutating func next(at now: Duration) -> Next {
        compactBytes()
        if markStart < marks.count, marks[markStart].position <= sentCount {
            let name = marks[markStart].name
            markStart += 1
            compactMarks()
            return .mark(name)
        }
        guard sentCount < queuedCount else { return .idle }
        let nextMark = markStart < marks.count ? marks[markStart].position : queuedCount
        let count = min(Self.frameBytes, nextMark - sentCount, queuedCount - sentCount)
        // When this frame would have played, were it sent now; it goes if that is within the lead
        // (or if Twilio has nothing left to play).
        let end = max(playedBy, now) + Self.byteDuration * count
        guard playedBy <= now || end - now <= lead else { return .wait(until: end - lead) }
        let frame = bytes[unsentStart..<unsentStart + count]
        unsentStart += count
        sentCount += count
        playedBy = end
        return .audio(frame)
    }

    /// Forgets sent audio once it is most of the buffer, so the buffer does not grow with the call.
    /// Done before a change rather than after handing a frame out, so that the frame (a slice of
    /// the buffer) is gone by then and the buffer is not copied.
    private mutating func compactBytes() {
        if unsentStart == bytes.count {
            bytes.removeAll(keepingCapacity: true)
            unsentStart = 0
        } else if unsentStart > 4096, unsentStart * 2 > bytes.count {
            bytes.removeSubrange(..<unsentStart)
            unsentStart = 0
        }
    }

    private mutating func compactMarks() {
        if markStart == marks.count {
            marks.removeAll(keepingCapacity: true)
            markStart = 0
        }
    }
}
