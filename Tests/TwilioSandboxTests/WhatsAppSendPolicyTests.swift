import Testing
@testable import TwilioSandbox

/// The table of ``WhatsAppSendPolicy``, row by row, and the durations the sandbox clock takes.
@Suite("WhatsApp send policy and clock durations")
struct WhatsAppSendPolicyTests {
    @Test(arguments: [
        (false, WhatsAppSendPolicy.Content.twilioService, true, 63007),
        (true, .template(carried: false, approval: .approved), true, 63006),
        (true, .template(carried: true, approval: .paused), true, 63041),
        (true, .template(carried: true, approval: .disabled), true, 63042),
        (true, .freeForm, true, nil),
        (true, .template(carried: true, approval: .pending), true, nil),
        (true, .freeForm, false, 63016),
        (true, .template(carried: true, approval: .unsubmitted), false, 63016),
        (true, .template(carried: true, approval: .rejected), false, 63040),
        (true, .template(carried: true, approval: .approved), false, nil),
        (true, .twilioService, false, nil),
    ] as [(Bool, WhatsAppSendPolicy.Content, Bool, Int?)])
    func decides(registered: Bool, content: WhatsAppSendPolicy.Content, windowOpen: Bool, code: Int?) {
        #expect(WhatsAppSendPolicy.refusal(senderRegistered: registered, content: content, windowOpen: windowOpen)?.code == code)
    }

    @Test func durationsAreParsedLargestUnitFirst() {
        #expect(ClockDuration("25h")?.seconds == 90_000)
        #expect(ClockDuration("1d2h30m15s")?.seconds == 95_415)
        #expect(ClockDuration("3600")?.seconds == 3_600)
        #expect(ClockDuration(" 90M ")?.seconds == 5_400)
        for invalid in ["", "h", "-5", "2 days", "1h30", "1.5h"] {
            #expect(ClockDuration(invalid) == nil, "\(invalid)")
        }
    }
}
