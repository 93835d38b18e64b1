import Foundation

/// A deterministic synthetic voice, sample by sample: words of one to three syllables 30 ms
/// apart, with pauses of 150–400 ms between words. A syllable (120–280 ms) is a glottal pulse
/// train on a falling pitch of 100–140 Hz, through the two formant resonators of a vowel, under
/// a smooth envelope: speech's rhythm and spectrum, without words.
struct SpeechLikeSignal: Sendable {
    /// The first two formants (hertz) of /a/, /i/, /u/, /e/, /o/.
    private static let vowels: [(first: Double, second: Double)] = [
        (730, 1090), (270, 2290), (300, 870), (530, 1840), (570, 840),
    ]
    private static let amplitude = 7000.0

    private let rate: Double
    /// Seeded, so the signal is the same on every run.
    private var random = SeededGenerator(seed: 2010)
    private var voiced = false
    private var segmentLength = 0
    private var segmentPosition = 0
    private var syllablesLeftInWord = 0
    private var basePitch = 0.0
    /// Where the glottis is in its cycle, 0..<1; a pulse at each wrap.
    private var phase = 0.0
    private var firstFormant = Resonator()
    private var secondFormant = Resonator()

    /// A signal of `sampleRate` samples a second.
    init(sampleRate: Int) {
        rate = Double(sampleRate)
    }

    /// The next 16-bit sample.
    mutating func next() -> Int16 {
        if segmentPosition >= segmentLength { startSegment() }
        defer { segmentPosition += 1 }
        guard voiced else { return 0 }
        let progress = Double(segmentPosition) / Double(segmentLength)
        phase += basePitch * (1.1 - 0.2 * progress) / rate
        var pulse = 0.0
        if phase >= 1 {
            phase -= 1
            pulse = 1
        }
        let value = firstFormant.filter(pulse) + 0.5 * secondFormant.filter(pulse)
        return Int16(clamping: Int((value * sin(.pi * progress) * Self.amplitude).rounded()))
    }

    /// Starts the next syllable, or the gap after one.
    private mutating func startSegment() {
        segmentPosition = 0
        if voiced {
            voiced = false
            segmentLength = Int(rate * (syllablesLeftInWord > 0 ? 0.03 : 0.15 + 0.25 * random.unit()))
            return
        }
        if syllablesLeftInWord == 0 { syllablesLeftInWord = 1 + random.below(3) }
        syllablesLeftInWord -= 1
        voiced = true
        segmentLength = Int(rate * (0.12 + 0.16 * random.unit()))
        basePitch = 100 + 40 * random.unit()
        let vowel = Self.vowels[random.below(Self.vowels.count)]
        firstFormant = Resonator(frequency: vowel.first, bandwidth: 90, rate: rate)
        secondFormant = Resonator(frequency: vowel.second, bandwidth: 120, rate: rate)
        phase = 1
    }

    /// A two-pole resonator whose impulse response peaks near 1 whatever its frequency.
    private struct Resonator: Sendable {
        private var gain = 0.0
        private var feedback1 = 0.0
        private var feedback2 = 0.0
        private var previous1 = 0.0
        private var previous2 = 0.0

        /// A resonator that lets nothing through (before the first vowel).
        init() {}

        /// A resonator centred on `frequency` with `bandwidth`, at `rate` samples a second.
        init(frequency: Double, bandwidth: Double, rate: Double) {
            let radius = exp(-.pi * bandwidth / rate)
            let angle = 2 * .pi * frequency / rate
            gain = sin(angle)
            feedback1 = 2 * radius * cos(angle)
            feedback2 = -radius * radius
        }

        /// The next output for `input`.
        mutating func filter(_ input: Double) -> Double {
            let output = gain * input + feedback1 * previous1 + feedback2 * previous2
            previous2 = previous1
            previous1 = output
            return output
        }
    }
}

private extension SeededGenerator {
    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
