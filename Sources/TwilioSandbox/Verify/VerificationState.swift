import Foundation
import TwilioKit

/// Verify's verifications, of every service, with the rules Twilio applies between them (one open
/// verification per recipient and service, send and check limits, the ten-minute lifetime). A
/// verification's status changes only through its ``VerificationLifecycle``.
actor VerificationState {
    private var verifications: RecordTable<VerificationRecord>

    /// The verifications `store` kept, or none.
    init(store: SandboxStore?) throws {
        verifications = try RecordTable(store: store)
    }

    /// Deletes the verifications of service `serviceSID` (which is being deleted).
    func deleteVerifications(of serviceSID: String) {
        for verification in verifications.oldestFirst where verification.serviceSID == serviceSID {
            verifications.remove(verification.sid)
        }
    }

    // MARK: Verifications

    /// Sends a code to `to`: the open verification of the service gets another send (the same
    /// code, on `channel`), up to five (then 60203); otherwise `make` builds a new one. A
    /// verification locked by too many wrong checks blocks new ones until it expires (60202).
    func start(serviceSID: String, to: String, channel: String, now: Date,
               make: @Sendable () -> VerificationRecord) throws(SandboxError) -> VerificationRecord {
        let attempt = VerificationRecord.SendAttempt(sid: SID.make("VL"), channel: channel, time: now)
        if let open = latest(to: to, serviceSID: serviceSID, now: now), !open.lifecycle.isGone {
            guard !open.lifecycle.isLocked else { throw Self.maxChecks }
            guard open.sendAttempts.count < VerificationRecord.maxSends else {
                throw SandboxError(.tooManyRequests, code: 60203, "Max send attempts reached")
            }
            var resent = open
            resent.channel = channel
            resent.sendAttempts.append(attempt)
            resent.dateUpdated = now
            verifications.save(resent)
            return resent
        }
        var verification = make()
        verification.sendAttempts.append(attempt)
        verifications.save(verification)
        return verification
    }

    /// Checks `code` against the verification `verificationSID`, or the latest one to `to`:
    /// `approved` on a match (and, for PSD2, the same amount and payee); a wrong code counts, and
    /// the fifth locks it (`max_attempts_reached`, then 60202). A verification that is approved,
    /// canceled or expired is not found, as Twilio deletes it.
    func check(serviceSID: String, accountSID: String, verificationSID: String?, to: String?, code: String,
               amount: String?, payee: String?, now: Date) throws(SandboxError) -> VerificationRecord {
        let notFound = SandboxError.notFound("/Services/\(serviceSID)/VerificationCheck")
        let target: VerificationRecord? = if let verificationSID { refreshed(verificationSID, now: now) }
            else if let to { latest(to: to, serviceSID: serviceSID, now: now) }
            else { nil }
        guard let verification = target, verification.serviceSID == serviceSID, verification.accountSID == accountSID else {
            throw notFound
        }
        let correct = code == verification.code
            && (verification.amount == nil || (amount == verification.amount && payee == verification.payee))
        return try transition(verification, .codeChecked(correct: correct), now: now, notFound: notFound)
    }

    /// UpdateVerification: approves or cancels a pending verification.
    func update(_ sid: String, to status: VerificationStatusUpdate, serviceSID: String, accountSID: String,
                now: Date) throws(SandboxError) -> VerificationRecord {
        let notFound = SandboxError.notFound("/Services/\(serviceSID)/Verifications/\(sid)")
        guard let verification = verification(sid, serviceSID: serviceSID, accountSID: accountSID, now: now) else { throw notFound }
        return try transition(verification, .updateRequested(status), now: now, notFound: notFound)
    }

    /// The verification `sid` of the service, its status brought up to date; `nil` once it is
    /// approved, canceled or expired, as Twilio soft-deletes it then (20404).
    func verification(_ sid: String, serviceSID: String, accountSID: String, now: Date) -> VerificationRecord? {
        refreshed(sid, now: now).flatMap {
            $0.serviceSID == serviceSID && $0.accountSID == accountSID && !$0.lifecycle.isGone ? $0 : nil
        }
    }

    /// Records that the code of `sid` was delivered.
    func recordDelivery(_ delivery: VerificationDelivery, of sid: String) {
        verifications.modify(sid) { $0.deliveries.append(delivery) }
    }

    /// The latest verification to `to` in any of the account's services (for the inspection API).
    func latest(to: String, accountSID: String, now: Date) -> VerificationRecord? {
        verifications.last { $0.to == to && $0.accountSID == accountSID }.flatMap { refreshed($0.sid, now: now) }
    }

    /// Makes the account's open verifications to `to` expire now, as if ten minutes had passed.
    func expire(to: String, accountSID: String, now: Date) {
        for verification in verifications.oldestFirst where verification.to == to && verification.accountSID == accountSID {
            verifications.modify(verification.sid) { $0.expiresAt = min($0.expiresAt, now) }
        }
    }

    // MARK: Helpers

    private static let maxChecks = SandboxError(.tooManyRequests, code: 60202, "Max check attempts reached")

    /// The latest verification of the service to `to`, its status brought up to date.
    private func latest(to: String, serviceSID: String, now: Date) -> VerificationRecord? {
        verifications.last { $0.to == to && $0.serviceSID == serviceSID }.flatMap { refreshed($0.sid, now: now) }
    }

    /// Hands `event` to the verification's lifecycle and stores the result; 60202 when it is
    /// locked, `notFound` when the event does not apply.
    private func transition(_ verification: VerificationRecord, _ event: VerificationLifecycle.Event, now: Date,
                            notFound: SandboxError) throws(SandboxError) -> VerificationRecord {
        var verification = verification
        switch verification.handle(event, now: now) {
        case .store:
            verifications.save(verification)
            return verification
        case .refuseLocked:
            throw Self.maxChecks
        case .notFound:
            throw notFound
        }
    }

    /// Verification `sid`, expired first if its ten minutes are over.
    private func refreshed(_ sid: String, now: Date) -> VerificationRecord? {
        guard var verification = verifications[sid] else { return nil }
        guard now >= verification.expiresAt, verification.handle(.lifetimeOver, now: now) == .store else {
            return verifications[sid]
        }
        verifications.save(verification)
        return verification
    }
}
