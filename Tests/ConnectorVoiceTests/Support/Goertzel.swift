import Foundation

/// The power of one frequency in 8 kHz audio (the Goertzel algorithm): how DTMF detectors find keys.
enum Goertzel {
    static func power(_ samples: [Int16], frequency: Double, sampleRate: Double = 8000) -> Double {
        let coefficient = 2 * cos(2 * .pi * frequency / sampleRate)
        var previous = 0.0, beforePrevious = 0.0
        for sample in samples {
            let current = Double(sample) + coefficient * previous - beforePrevious
            beforePrevious = previous
            previous = current
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
    }
}
