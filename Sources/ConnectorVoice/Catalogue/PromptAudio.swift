import Foundation

/// Audio a workflow plays, from its settings: `"file": "greeting.wav"` (read once, when the
/// workflows file is loaded; relative to that file's folder) or `"tone": {"frequency": 440,
/// "seconds": 1}`; `fallback` when neither is given.
enum PromptAudio {
    /// The settings that describe audio.
    static let settingNames: Set<String> = ["file", "tone"]

    /// The audio `settings` describe, as 8 kHz PCM.
    static func samples(from settings: WorkflowSettings, directory: String, fallback: [Int16]) throws(WorkflowConfigurationError) -> [Int16] {
        let file = try settings.string("file")
        let tone = try settings.nested("tone")
        if file != nil, tone != nil { throw settings.problem("file", "and tone cannot both be given: choose one") }
        if let file {
            let path = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else { throw settings.problem("file", "cannot be read: \(path)") }
            do {
                return try WAVFile.samples(of: [UInt8](data))
            } catch {
                throw settings.problem("file", "is not usable (\(path)): \(error)")
            }
        }
        if let tone {
            try tone.allow(only: ["frequency", "seconds"])
            let frequency = try tone.number("frequency", in: 20...3800) ?? 440
            let seconds = try tone.number("seconds", in: 0.02...600) ?? 1
            return ToneGenerator.tone(frequency: frequency, duration: .milliseconds(Int64(seconds * 1000)))
        }
        return fallback
    }
}
