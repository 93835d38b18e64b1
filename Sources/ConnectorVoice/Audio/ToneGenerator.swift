import Foundation

/// Sine tones at the stream's rate (8 kHz), for prompts and beeps when no file is given.
public enum ToneGenerator {
    /// Samples per second.
    public static let sampleRate = 8000

    /// `duration` of a `frequency` hertz sine at `amplitude` (of 32767), as 16-bit PCM.
    public static func tone(frequency: Double, duration: Duration, amplitude: Double = 8000) -> [Int16] {
        (0..<sampleCount(duration)).map { index in
            Int16((sin(2 * .pi * frequency * Double(index) / Double(sampleRate)) * amplitude).rounded())
        }
    }

    /// How many samples `duration` takes.
    public static func sampleCount(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(0, Int(seconds) * sampleRate + Int(Double(attoseconds) * 1e-18 * Double(sampleRate)))
    }
}
