/// In-band DTMF: each key as its two tones (ITU-T Q.23), for pressing keys on a call by playing them.
enum DTMFTones {
    /// The row and column frequencies of each key.
    static let frequencies: [Character: (low: Double, high: Double)] = [
        "1": (697, 1209), "2": (697, 1336), "3": (697, 1477), "A": (697, 1633),
        "4": (770, 1209), "5": (770, 1336), "6": (770, 1477), "B": (770, 1633),
        "7": (852, 1209), "8": (852, 1336), "9": (852, 1477), "C": (852, 1633),
        "*": (941, 1209), "0": (941, 1336), "#": (941, 1477), "D": (941, 1633),
    ]

    /// `digits` as 8 kHz PCM: each key's tones for `tone`, then `gap` of silence; unknown keys are skipped.
    static func samples(for digits: String, tone: Duration = .milliseconds(100), gap: Duration = .milliseconds(60)) -> [Int16] {
        var samples: [Int16] = []
        for key in digits.uppercased() {
            guard let pair = frequencies[key] else { continue }
            let low = ToneGenerator.tone(frequency: pair.low, duration: tone, amplitude: 7000)
            let high = ToneGenerator.tone(frequency: pair.high, duration: tone, amplitude: 7000)
            samples += zip(low, high).map { $0 &+ $1 }
            samples += repeatElement(0, count: ToneGenerator.sampleCount(gap))
        }
        return samples
    }
}
