/// The first bytes of an audio file, which Twilio's Media Streams docs forbid in a `media` payload:
/// "The `media.payload` should not contain audio file type header bytes." Only signatures that
/// raw µ-law audio cannot be mistaken for are recognised (an MP3 frame sync, `FF Fx`, is also
/// near-silent µ-law, so only MP3's ID3 tag counts).
enum AudioFileSignature: String, Sendable, CaseIterable {
    case wav = "WAV (RIFF)"
    case mp3 = "MP3 (ID3)"
    case ogg = "Ogg"
    case flac = "FLAC"
    case aiff = "AIFF"
    case sunAudio = "Sun/NeXT audio (.snd)"

    /// The file format `bytes` start with, if they start like one.
    init?(of bytes: [UInt8]) {
        guard let format = Self.allCases.first(where: { $0.matches(bytes) }) else { return nil }
        self = format
    }

    /// Whether `bytes` begin with this format's header.
    private func matches(_ bytes: [UInt8]) -> Bool {
        switch self {
        case .wav: Self.has("RIFF", at: 0, in: bytes) && Self.has("WAVE", at: 8, in: bytes)
        case .mp3: Self.has("ID3", at: 0, in: bytes) && bytes.count > 4 && (2...4).contains(bytes[3]) && bytes[4] == 0
        case .ogg: Self.has("OggS", at: 0, in: bytes) && bytes.count > 4 && bytes[4] == 0
        case .flac: Self.has("fLaC", at: 0, in: bytes)
        case .aiff: Self.has("FORM", at: 0, in: bytes) && (Self.has("AIFF", at: 8, in: bytes) || Self.has("AIFC", at: 8, in: bytes))
        case .sunAudio: Self.has(".snd", at: 0, in: bytes)
        }
    }

    /// Whether the ASCII `text` sits at `offset` in `bytes`.
    private static func has(_ text: String, at offset: Int, in bytes: [UInt8]) -> Bool {
        let expected = Array(text.utf8)
        return bytes.count >= offset + expected.count && Array(bytes[offset..<offset + expected.count]) == expected
    }
}
