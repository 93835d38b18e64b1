import TwilioKit

/// `menu`: plays a prompt, collects DTMF digits (the first key stops the prompt: barge-in), and
/// either transfers the call to the number its `routes` give for the digits, or ends with them.
/// Collecting stops at `numDigits` digits, at `finishOnKey`, or `timeoutSeconds` after the prompt
/// played (or after the last key).
public struct MenuWorkflow: RealtimeWorkflow {
    /// The prompt, 8 kHz PCM.
    let prompt: [Int16]
    let numDigits: Int
    let finishOnKey: String?
    let timeout: Duration
    /// Digits → the number to transfer to.
    let routes: [String: String]
    /// The caller ID shown on transfers.
    let callerId: String?

    /// A menu playing `prompt` (8 kHz PCM).
    public init(prompt: [Int16], numDigits: Int = 1, finishOnKey: String? = "#", timeout: Duration = .seconds(5),
                routes: [String: String] = [:], callerId: String? = nil) {
        self.prompt = prompt
        self.numDigits = numDigits
        self.finishOnKey = finishOnKey
        self.timeout = timeout
        self.routes = routes
        self.callerId = callerId
    }

    private static let promptMark = "prompt"

    public func run(_ call: RealtimeCall) async throws -> [String: JSONValue] {
        let inbox = WorkflowInbox(call)
        call.play(prompt)
        call.queueMark(Self.promptMark)
        var digits = ""
        var timer = 0
        var endedBy = "hangup"
        collecting: for await item in inbox.items {
            switch item {
            case .event(.markPlayed(Self.promptMark)):
                timer += 1
                inbox.setTimer(timer, after: timeout)
            case .event(.digit(let digit)):
                if digits.isEmpty { call.clear() }
                if digit == finishOnKey {
                    endedBy = "finishOnKey"
                    break collecting
                }
                digits += digit
                if digits.count >= numDigits {
                    endedBy = "numDigits"
                    break collecting
                }
                timer += 1
                inbox.setTimer(timer, after: timeout)
            case .timeout(let number) where number == timer:
                endedBy = "timeout"
                break collecting
            case .event, .timeout:
                break
            }
        }
        var result: [String: JSONValue] = ["digits": .string(digits), "endedBy": .string(endedBy)]
        if let number = routes[digits], endedBy != "hangup" {
            try await call.transfer(to: number, callerId: callerId)
            result["transferredTo"] = .string(number)
        }
        return result
    }
}
