import Foundation
import TwilioKit

/// Verify's one entrance: the services of every account and their verifications, and the
/// simulator that sends codes to the simulated users.
struct VerifyFacade: Sendable {
    private let services: ResourceStore<VerifyServiceRecord>
    private let state: VerificationState
    private let simulator: VerificationSimulator

    /// Verify with the services and verifications `store` kept; codes go out as `messaging`
    /// messages, and `phoneNumbers` tells which numbers are the sandbox's own.
    init(store: SandboxStore?, phoneNumbers: PhoneNumbersFacade, messaging: MessagingFacade) throws {
        services = try ResourceStore(store: store)
        state = try VerificationState(store: store)
        simulator = VerificationSimulator(state: state, phoneNumbers: phoneNumbers, messaging: messaging)
    }

    // MARK: Services

    /// CreateService: `FriendlyName` is required (20001).
    func createService(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> VerifyServiceRecord {
        guard let name = form.first("FriendlyName") else { throw .missingV2Parameter("FriendlyName") }
        return try await services.create(VerifyServiceRecord(sid: SID.make("VA"), accountSID: accountSID, friendlyName: name, date: Date()),
                                         with: form)
    }

    /// The service `sid` of `accountSID`.
    func service(_ sid: String, accountSID: String) async -> VerifyServiceRecord? {
        await services.record(sid, accountSID: accountSID)
    }

    /// The account's services, oldest first.
    func services(accountSID: String) async -> [VerifyServiceRecord] {
        await services.records(of: accountSID)
    }

    /// UpdateService.
    func update(_ service: VerifyServiceRecord, form: FormParameters) async throws(SandboxError) -> VerifyServiceRecord {
        try await services.update(service, with: form)
    }

    /// DeleteService, with its verifications.
    func delete(_ service: VerifyServiceRecord) async {
        await services.delete(service.sid, accountSID: service.accountSID)
        await state.deleteVerifications(of: service.sid)
    }

    // MARK: Verifications

    /// CreateVerification: validated as Verify does, then the code is sent.
    func start(_ form: FormParameters, serviceSID: String, accountSID: String) async throws(SandboxError) -> VerificationRecord {
        guard let service = await services.record(serviceSID, accountSID: accountSID) else {
            throw .notFound("/Services/\(serviceSID)/Verifications")
        }
        return try await simulator.start(form, service: service)
    }

    /// The verification `sid` of the service, unless it is gone (approved, canceled, expired).
    func verification(_ sid: String, serviceSID: String, accountSID: String) async -> VerificationRecord? {
        await state.verification(sid, serviceSID: serviceSID, accountSID: accountSID, now: Date())
    }

    /// UpdateVerification: approves or cancels a pending verification.
    func update(_ sid: String, to status: VerificationStatusUpdate, serviceSID: String,
                accountSID: String) async throws(SandboxError) -> VerificationRecord {
        try await state.update(sid, to: status, serviceSID: serviceSID, accountSID: accountSID, now: Date())
    }

    /// CreateVerificationCheck: `code` against the verification `verificationSID`, or the latest one to `to`.
    func check(_ code: String, verificationSID: String?, to: String?, amount: String?, payee: String?,
               serviceSID: String, accountSID: String) async throws(SandboxError) -> VerificationRecord {
        try await state.check(serviceSID: serviceSID, accountSID: accountSID, verificationSID: verificationSID, to: to, code: code,
                              amount: amount, payee: payee, now: Date())
    }

    // MARK: Inspection

    /// The latest verification to `to` in any of the account's services.
    func latest(to: String, accountSID: String) async -> VerificationRecord? {
        await state.latest(to: to, accountSID: accountSID, now: Date())
    }

    /// Expires the account's open verifications to `to` now; returns the latest one.
    func expire(to: String, accountSID: String) async -> VerificationRecord? {
        let now = Date()
        await state.expire(to: to, accountSID: accountSID, now: now)
        return await state.latest(to: to, accountSID: accountSID, now: now)
    }
}
