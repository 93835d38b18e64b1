import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

/// The status state machines on their own: every transition each event makes, and the events that
/// change nothing.
@Suite("Sandbox lifecycles: messages, calls, verifications, transcripts")
struct LifecycleTests {
    // MARK: Messages

    /// Runs `events` from `status`; the statuses passed through and the actions taken.
    private func run(_ status: MessageStatus, sendAt: Date? = nil,
                     _ events: [MessageLifecycle.Event]) -> (statuses: [MessageStatus], actions: [MessageLifecycle.Action]) {
        var lifecycle = MessageLifecycle(status: status, sendAt: sendAt)
        var statuses: [MessageStatus] = []
        var actions: [MessageLifecycle.Action] = []
        for event in events {
            actions.append(lifecycle.handle(event))
            statuses.append(lifecycle.status)
        }
        return (statuses, actions)
    }

    @Test func anOutboundMessageIsQueuedSentAndDelivered() {
        let run = run(.queued, [.statusStepElapsed, .channelAnswered(refusal: nil), .handsetAnswered(.delivered)])
        #expect(run.statuses == [.sending, .sent, .delivered])
        #expect(run.actions == [.assignSender, .markSent, .recordOutcome(errorCode: nil, errorMessage: nil)])
        #expect(run.actions.map(\.postsStatusCallback) == [false, true, true])
    }

    @Test func theChannelCanRefuseAMessageAsItLeaves() {
        let refused = run(.sending, [.channelAnswered(refusal: .outsideWindow), .handsetAnswered(.delivered)])
        #expect(refused.statuses == [.failed, .failed])
        #expect(refused.actions == [.recordOutcome(errorCode: 63016, errorMessage: ChannelRefusal.outsideWindow.message), .ignore])
        #expect(refused.actions.map(\.postsStatusCallback) == [true, false])
        #expect(run(.sending, [.statusStepElapsed]).actions == [.ignore])
    }

    @Test func onlyADeliveredMessageCanBeRead() {
        let read = run(.delivered, [.readByRecipient, .readByRecipient])
        #expect(read.statuses == [.read, .read])
        #expect(read.actions == [.markRead, .ignore])
        #expect(read.actions.map(\.postsStatusCallback) == [true, false])
        for status in [MessageStatus.queued, .sending, .sent, .undelivered, .failed, .received] {
            #expect(run(status, [.readByRecipient]).actions == [.ignore])
        }
    }

    @Test func theHandsetDecidesHowAMessageEnds() {
        #expect(run(.sent, [.handsetAnswered(.unreachable)]).statuses == [.undelivered])
        #expect(run(.sent, [.handsetAnswered(.unreachable)]).actions == [.recordOutcome(errorCode: 30003, errorMessage: "Unreachable destination handset")])
        #expect(run(.sent, [.handsetAnswered(.filtered)]).statuses == [.failed])
        #expect(run(.sent, [.handsetAnswered(.filtered)]).actions == [.recordOutcome(errorCode: 30007, errorMessage: "Message filtered")])
    }

    @Test func anAcceptedMessageGetsItsSenderOnItsWay() {
        #expect(MessageLifecycle.initialStatus(scheduled: false, senderKnown: false) == .accepted)
        #expect(MessageLifecycle.initialStatus(scheduled: false, senderKnown: true) == .queued)
        #expect(MessageLifecycle.initialStatus(scheduled: true, senderKnown: false) == .scheduled)
        #expect(run(.accepted, [.statusStepElapsed]).statuses == [.sending])
        #expect(run(.accepted, [.statusStepElapsed]).actions == [.assignSender])
    }

    @Test func aScheduledMessageWaitsForItsTimeOrIsCanceled() {
        let sendAt = Date(timeIntervalSince1970: 2_000_000_000)
        #expect(MessageLifecycle(status: .scheduled, sendAt: sendAt).wait == .sendTime(sendAt))
        #expect(MessageLifecycle(status: .scheduled).wait == nil)
        #expect(run(.scheduled, sendAt: sendAt, [.statusStepElapsed, .sendTimeReached]).statuses == [.scheduled, .queued])
        let canceled = run(.scheduled, sendAt: sendAt, [.cancelRequested, .sendTimeReached])
        #expect(canceled.statuses == [.canceled, .canceled])
        #expect(canceled.actions == [.cancel, .ignore])
    }

    @Test func onlyAScheduledMessageCanBeCanceled() {
        for status in [MessageStatus.accepted, .queued, .sending, .sent, .delivered, .received] {
            #expect(run(status, [.cancelRequested]).actions == [.refuseCancel])
            #expect(run(status, [.cancelRequested]).statuses == [status])
        }
    }

    @Test func finalMessagesDoNotMove() {
        for status in [MessageStatus.delivered, .undelivered, .failed, .received, .canceled, .read] {
            let lifecycle = MessageLifecycle(status: status)
            #expect(lifecycle.isFinal)
            #expect(lifecycle.wait == nil)
            #expect(run(status, [.statusStepElapsed, .sendTimeReached, .handsetAnswered(.delivered)]).actions == [.ignore, .ignore, .ignore])
        }
        #expect(MessageLifecycle(status: .sent).wait == .handsetAnswer)
        #expect(MessageLifecycle(status: .sending).wait == .channelAnswer)
    }

    // MARK: Calls

    /// Runs `events` from `status`; the statuses passed through and the actions taken.
    private func run(_ status: CallStatus, _ events: [CallLifecycle.Event]) -> (statuses: [CallStatus], actions: [CallLifecycle.Action]) {
        var lifecycle = CallLifecycle(status: status)
        var statuses: [CallStatus] = []
        var actions: [CallLifecycle.Action] = []
        for event in events {
            actions.append(lifecycle.handle(event))
            statuses.append(lifecycle.status)
        }
        return (statuses, actions)
    }

    @Test func anAnsweredCallEndsCompleted() {
        let run = run(.queued, [.dialing, .ringing, .answered(answeredBy: nil), .ended(.instructionsOver)])
        #expect(run.statuses == [.queued, .ringing, .inProgress, .completed])
        #expect(run.actions == [.startDialing, .ring, .answer, .end])
    }

    @Test func theHandsetDecidesHowAnUnansweredCallEnds() {
        #expect(run(.queued, [.dialing, .ended(.busy)]).statuses.last == .busy)
        #expect(run(.queued, [.dialing, .ended(.unreachable)]).statuses.last == .failed)
        #expect(run(.ringing, [.ended(.notAnswered)]).statuses == [.noAnswer])
        #expect(run(.ringing, [.ended(.rejected(.busy))]).statuses == [.busy])
        #expect(run(.ringing, [.ended(.rejected(.rejected))]).statuses == [.noAnswer])
        #expect(run(.ringing, [.ended(.noInstructions)]).statuses == [.failed])
    }

    @Test func aHangUpRequestCancelsAnUnansweredCallAndCompletesAnAnsweredOne() {
        #expect(run(.queued, [.ended(.hangUpRequested(.canceled))]).statuses == [.canceled])
        #expect(run(.ringing, [.ended(.hangUpRequested(.completed))]).statuses == [.canceled])
        #expect(run(.inProgress, [.ended(.hangUpRequested(.completed))]).statuses == [.completed])
        let canceledWhileTalking = run(.inProgress, [.ended(.hangUpRequested(.canceled))])
        #expect(canceledWhileTalking.statuses == [.inProgress])
        #expect(canceledWhileTalking.actions == [.ignore])
    }

    @Test func aRestartEndsLiveCalls() {
        #expect(run(.inProgress, [.ended(.sandboxRestarted)]).statuses == [.completed])
        #expect(run(.ringing, [.ended(.sandboxRestarted)]).statuses == [.canceled])
        #expect(run(.queued, [.ended(.sandboxRestarted)]).statuses == [.canceled])
    }

    @Test func anEndedCallDoesNotMove() {
        for status in [CallStatus.completed, .busy, .failed, .noAnswer, .canceled] {
            #expect(CallLifecycle(status: status).isFinal)
            let run = run(status, [.dialing, .ringing, .answered(answeredBy: "human"), .ended(.instructionsOver)])
            #expect(run.statuses == Array(repeating: status, count: 4))
            #expect(run.actions == Array(repeating: .ignore, count: 4))
        }
        #expect(run(.inProgress, [.answered(answeredBy: nil), .ringing]).actions == [.ignore, .ignore])
    }

    // MARK: Verifications

    @Test func theRightCodeApprovesAVerification() {
        var lifecycle = VerificationLifecycle(status: .pending, wrongChecks: 0)
        #expect(lifecycle.handle(.codeChecked(correct: true)) == .store)
        #expect(lifecycle.status == .approved)
        #expect(lifecycle.isGone)
        #expect(lifecycle.handle(.codeChecked(correct: true)) == .notFound)
    }

    @Test func theFifthWrongCodeLocksAVerificationUntilItExpires() {
        var lifecycle = VerificationLifecycle(status: .pending, wrongChecks: 0)
        for _ in 1..<VerificationLifecycle.maxWrongChecks {
            #expect(lifecycle.handle(.codeChecked(correct: false)) == .store)
            #expect(lifecycle.status == .pending)
        }
        #expect(lifecycle.handle(.codeChecked(correct: false)) == .store)
        #expect(lifecycle.status == .maxAttemptsReached)
        #expect(lifecycle.wrongChecks == VerificationLifecycle.maxWrongChecks)
        #expect(lifecycle.handle(.codeChecked(correct: true)) == .refuseLocked)
        #expect(lifecycle.handle(.updateRequested(.approved)) == .notFound)
        #expect(lifecycle.handle(.lifetimeOver) == .store)
        #expect(lifecycle.status == .expired)
    }

    @Test func anUpdateApprovesOrCancelsOnlyAPendingVerification() {
        var approved = VerificationLifecycle(status: .pending, wrongChecks: 0)
        #expect(approved.handle(.updateRequested(.approved)) == .store)
        #expect(approved.status == .approved)
        var canceled = VerificationLifecycle(status: .pending, wrongChecks: 2)
        #expect(canceled.handle(.updateRequested(.canceled)) == .store)
        #expect(canceled.status == .canceled)
        #expect(canceled.handle(.lifetimeOver) == .notFound)
        #expect(canceled.status == .canceled)
    }

    // MARK: Transcripts

    @Test func aTranscriptIsTranscribedOrFails() {
        var transcribed = TranscriptLifecycle(status: .queued)
        #expect(transcribed.handle(.statusStepElapsed(transcribable: true)) == .start)
        #expect(transcribed.status == .inProgress)
        #expect(transcribed.handle(.statusStepElapsed(transcribable: true)) == .finish)
        #expect(transcribed.status == .completed)
        #expect(!transcribed.movesOnByItself)
        #expect(transcribed.handle(.statusStepElapsed(transcribable: true)) == .ignore)

        var failed = TranscriptLifecycle(status: .inProgress)
        #expect(failed.handle(.statusStepElapsed(transcribable: false)) == .finish)
        #expect(failed.status == .failed)
    }
}
