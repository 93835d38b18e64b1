import Foundation
import TwilioKit

/// Verify's state: the services of every account and their verifications, with the rules Twilio
/// applies between them (one open verification per recipient and service, send and check limits,
/// the ten-minute lifetime).
actor VerifyState {
    private var services: [String: VerifyServiceRecord] = [:]
    private var serviceOrder: [String] = []
    private var verifications: [String: VerificationRecord] = [:]
    private var verificationOrder: [String] = []

    // MARK: Services

    /// Stores a new service.
    func insert(_ service: VerifyServiceRecord) {
        services[service.sid] = service
        serviceOrder.append(service.sid)
    }

    /// The service `sid` of `accountSID`.
    func service(_ sid: String, accountSID: String) -> VerifyServiceRecord? {
        services[sid].flatMap { $0.accountSID == accountSID ? $0 : nil }
    }

    /// The account's services, oldest first.
    func services(accountSID: String) -> [VerifyServiceRecord] {
        serviceOrder.compactMap { services[$0] }.filter { $0.accountSID == accountSID }
    }

    /// Applies an UpdateService form to service `sid`.
    func updateService(_ sid: String, accountSID: String, form: FormParameters) throws(SandboxError) -> VerifyServiceRecord? {
        guard var service = service(sid, accountSID: accountSID) else { return nil }
        try service.apply(form)
        service.dateUpdated = Date()
        services[sid] = service
        return service
    }

    /// Deletes service `sid` and its verifications.
    func deleteService(_ sid: String, accountSID: String) -> Bool {
        guard service(sid, accountSID: accountSID) != nil else { return false }
        services[sid] = nil
        serviceOrder.removeAll { $0 == sid }
        let gone = Set(verificationOrder.filter { verifications[$0]?.serviceSID == sid })
        verificationOrder.removeAll(where: gone.contains)
        for verification in gone { verifications[verification] = nil }
        return true
    }

    // MARK: Verifications

    /// Sends a code to `to`: the open verification of the service gets another send (the same
    /// code, on `channel`), up to five (then 60203); otherwise `make` builds a new one. A
    /// verification locked by too many wrong checks blocks new ones until it expires (60202).
    func start(serviceSID: String, to: String, channel: String, now: Date,
               make: @Sendable () -> VerificationRecord) throws(SandboxError) -> VerificationRecord {
        let attempt = VerificationRecord.SendAttempt(sid: SID.make("VL"), channel: channel, time: now)
        if let open = latest(to: to, serviceSID: serviceSID, now: now), open.status == "pending" || open.status == "max_attempts_reached" {
            guard open.status == "pending" else { throw Self.maxChecks }
            guard open.sendAttempts.count < VerificationRecord.maxSends else {
                throw SandboxError(.tooManyRequests, code: 60203, "Max send attempts reached")
            }
            return update(open, now: now) {
                $0.channel = channel
                $0.sendAttempts.append(attempt)
            }
        }
        var verification = make()
        verification.sendAttempts.append(attempt)
        verifications[verification.sid] = verification
        verificationOrder.append(verification.sid)
        return verification
    }

    /// Checks `code` against the verification `verificationSID`, or the latest one to `to`:
    /// `approved` on a match (and, for PSD2, the same amount and payee); a wrong code counts, and
    /// the fifth locks it (`max_attempts_reached`, then 60202). A verification that is approved,
    /// canceled or expired is not found, as Twilio deletes it.
    func check(serviceSID: String, accountSID: String, verificationSID: String?, to: String?, code: String,
               amount: String?, payee: String?, now: Date) throws(SandboxError) -> VerificationRecord {
        let target: VerificationRecord? = if let verificationSID { refreshed(verificationSID, now: now) }
            else if let to { latest(to: to, serviceSID: serviceSID, now: now) }
            else { nil }
        guard let verification = target, verification.serviceSID == serviceSID, verification.accountSID == accountSID,
              verification.status == "pending" || verification.status == "max_attempts_reached" else {
            throw SandboxError.notFound("/Services/\(serviceSID)/VerificationCheck")
        }
        guard verification.status == "pending" else { throw Self.maxChecks }
        let matches = code == verification.code && (verification.amount == nil || (amount == verification.amount && payee == verification.payee))
        return update(verification, now: now) { verification in
            if matches {
                verification.status = "approved"
            } else {
                verification.wrongChecks += 1
                if verification.wrongChecks >= VerificationRecord.maxChecks { verification.status = "max_attempts_reached" }
            }
        }
    }

    /// UpdateVerification: approves or cancels a pending verification.
    func setStatus(_ status: String, of sid: String, serviceSID: String, accountSID: String, now: Date) throws(SandboxError) -> VerificationRecord {
        guard let verification = verification(sid, serviceSID: serviceSID, accountSID: accountSID, now: now), verification.isOpen else {
            throw SandboxError.notFound("/Services/\(serviceSID)/Verifications/\(sid)")
        }
        return update(verification, now: now) { $0.status = status }
    }

    /// The verification `sid` of the service, its status brought up to date; `nil` once it is
    /// approved, canceled or expired, as Twilio soft-deletes it then (20404).
    func verification(_ sid: String, serviceSID: String, accountSID: String, now: Date) -> VerificationRecord? {
        refreshed(sid, now: now).flatMap {
            $0.serviceSID == serviceSID && $0.accountSID == accountSID && !$0.isSoftDeleted ? $0 : nil
        }
    }

    /// Records that the code of `sid` was delivered.
    func recordDelivery(_ delivery: VerificationDelivery, of sid: String) {
        verifications[sid]?.deliveries.append(delivery)
    }

    /// The latest verification to `to` in any of the account's services (for the inspection API).
    func latest(to: String, accountSID: String, now: Date) -> VerificationRecord? {
        let sid = verificationOrder.last { verifications[$0]?.to == to && verifications[$0]?.accountSID == accountSID }
        return sid.flatMap { refreshed($0, now: now) }
    }

    /// Makes the account's open verifications to `to` expire now, as if ten minutes had passed.
    func expire(to: String, accountSID: String, now: Date) {
        for sid in verificationOrder {
            guard var verification = verifications[sid], verification.to == to, verification.accountSID == accountSID else { continue }
            verification.expiresAt = min(verification.expiresAt, now)
            verifications[sid] = verification
        }
    }

    // MARK: Helpers

    private static let maxChecks = SandboxError(.tooManyRequests, code: 60202, "Max check attempts reached")

    private func latest(to: String, serviceSID: String, now: Date) -> VerificationRecord? {
        let sid = verificationOrder.last { verifications[$0]?.to == to && verifications[$0]?.serviceSID == serviceSID }
        return sid.flatMap { refreshed($0, now: now) }
    }

    /// Verification `sid`, expired first if its ten minutes are over.
    private func refreshed(_ sid: String, now: Date) -> VerificationRecord? {
        guard var verification = verifications[sid] else { return nil }
        if verification.status == "pending" || verification.status == "max_attempts_reached", now >= verification.expiresAt {
            verification.status = "expired"
            verification.dateUpdated = verification.expiresAt
            verifications[sid] = verification
        }
        return verification
    }

    /// Stores `verification` changed by `change`.
    private func update(_ verification: VerificationRecord, now: Date, _ change: (inout VerificationRecord) -> Void) -> VerificationRecord {
        var verification = verification
        change(&verification)
        verification.dateUpdated = now
        verifications[verification.sid] = verification
        return verification
    }
}
