import TwilioConnector
import TwilioKit

/// `record`: saves the caller's audio as a WAV file (8 kHz, 16-bit mono) until the caller hangs
/// up, presses `finishOnKey`, or `maxSeconds` have been recorded (then it hangs up). The file goes
/// through the connector's file policy (inside `--files-dir` over HTTP). Answers its path and length.
public struct RecordWorkflow: RealtimeWorkflow {
    /// The file name; `{callSid}` is replaced by the call's SID.
    let saveTo: String
    let maxSeconds: Double
    let finishOnKey: String?
    let beep: Bool
    let overwrite: Bool
    let fileAccess: FileAccess

    /// Records to `saveTo` (`{callSid}` replaced) under `fileAccess`.
    public init(saveTo: String = "{callSid}.wav", maxSeconds: Double = 3600, finishOnKey: String? = nil, beep: Bool = true,
                overwrite: Bool = false, fileAccess: FileAccess) {
        self.saveTo = saveTo
        self.maxSeconds = maxSeconds
        self.finishOnKey = finishOnKey
        self.beep = beep
        self.overwrite = overwrite
        self.fileAccess = fileAccess
    }

    public func run(_ call: RealtimeCall) async throws -> [String: JSONValue] {
        let file = try RecordingFile(path: saveTo.replacingOccurrences(of: "{callSid}", with: call.start.callSid), overwrite: overwrite,
                                     access: fileAccess, parameter: "saveTo")
        if beep { call.play(ToneGenerator.tone(frequency: 1000, duration: .milliseconds(250))) }
        let limit = Int(maxSeconds * 8000)
        var audio: [UInt8] = []
        var endedBy = "hangup"
        events: for await event in call.events {
            switch event {
            case .audio(let chunk):
                audio += chunk.muLaw.prefix(limit - audio.count)
                if audio.count >= limit {
                    endedBy = "maxSeconds"
                    break events
                }
            case .digit(let digit) where digit == finishOnKey:
                endedBy = "finishOnKey"
                break events
            case .digit, .markPlayed, .markCleared:
                break
            }
        }
        try file.write(WAVFile.bytes(of: MuLaw.decode(audio)))
        var result: [String: JSONValue] = [
            "path": .string(file.url.path), "duration": .number(Double(audio.count) / 8000), "endedBy": .string(endedBy),
        ]
        if endedBy != "hangup" { result["hungUp"] = .bool(await Hangup.attempt(call)) }
        return result
    }
}
