import TwilioKit

/// `echo`: sends the caller back what it hears, chunk for chunk (no transcoding), and the keys
/// pressed as tones — for testing a line. Ends with the call; answers how much it echoed.
public struct EchoWorkflow: RealtimeWorkflow {
    /// Creates the workflow.
    public init() {}

    public func run(_ call: RealtimeCall) async throws -> [String: JSONValue] {
        var bytes = 0
        var digits = ""
        for await event in call.events {
            switch event {
            case .audio(let chunk):
                call.play(chunk)
                bytes += chunk.muLaw.count
            case .digit(let digit):
                digits += digit
                call.sendDigits(digit)
            case .markPlayed, .markCleared:
                break
            }
        }
        return ["echoedSeconds": .number(Double(bytes) / 8000), "digits": .string(digits)]
    }
}
