/// Where the caller's keys fall in a stream: each key is a `dtmf` message sent after the caller's
/// `media` frame it was detected in, one key per frame at most, in the order pressed.
///
/// The handset's queued digits are spread over the caller's audio, one every half second from the
/// first half second (closer together when the audio is too short for that). Keys pressed during
/// the call (`POST /sandbox/calls/{CallSid}/digits`) come from the next frame on, half a second
/// apart, and never closer than that to a key already on its way.
struct KeyPressSchedule: Sendable {
    /// Frames a key press takes: half a second, like a `<Play digits>` key.
    static let keyPressFrames = Int(VoiceClock.keyPressTime * 50)

    /// The key detected in each frame (by chunk number).
    private var keys: [Int: String] = [:]
    /// The frame of the last key scheduled, 0 when none was.
    private var lastFrame = 0

    /// A schedule with the handset's queued `digits` spread over `frameCount` frames of audio.
    init(queued digits: String, frameCount: Int) {
        let interval = max(1, min(Self.keyPressFrames, frameCount / (digits.count + 1)))
        for (offset, digit) in digits.enumerated() {
            schedule(digit, at: (offset + 1) * interval)
        }
    }

    /// Keys pressed now, while frame `frame` is the last one sent.
    mutating func press(_ digits: String, after frame: Int) {
        var next = lastFrame == 0 ? frame + 1 : max(frame + 1, lastFrame + Self.keyPressFrames)
        for digit in digits {
            schedule(digit, at: next)
            next += Self.keyPressFrames
        }
    }

    /// Takes the key detected in frame `frame`, if one was.
    mutating func take(at frame: Int) -> String? {
        keys.removeValue(forKey: frame)
    }

    private mutating func schedule(_ digit: Character, at frame: Int) {
        keys[frame] = String(digit)
        lastFrame = frame
    }
}
