import Foundation
import TwilioKit

/// Verify's behaviour: validates CreateVerification as Twilio does, generates the code, and
/// delivers it to the simulated user. SMS and WhatsApp codes become real sandbox messages (queued,
/// sent, delivered like any other, shown in `/sandbox/handsets/{number}/messages`); calls and
/// emails are recorded on the verification for the inspection API.
struct VerificationSimulator: Sendable {
    let state: VerificationState
    let phoneNumbers: PhoneNumbersFacade
    let messaging: MessagingFacade

    /// The number Verify's SMS come from (Twilio sends from its own pool, not the account's numbers).
    static let sender = "+18885550199"

    /// CreateVerification for `service`.
    func start(_ form: FormParameters, service: VerifyServiceRecord) async throws(SandboxError) -> VerificationRecord {
        let serviceSID = service.sid, accountSID = service.accountSID
        guard let to = form.first("To"), !to.isEmpty else { throw .invalidV2Parameter("To", "") }
        guard let channel = form.first("Channel"), !channel.isEmpty else { throw .invalidV2Parameter("Channel", "") }
        switch channel {
        case "sms", "call", "email", "whatsapp": break
        case "sna", "auto", "rcs": throw SandboxError(.badRequest, code: 60223, "Delivery channel disabled: '\(channel)' is not simulated by the sandbox")
        default: throw .invalidV2Parameter("Channel", channel)
        }
        let analysis = try Self.validateRecipient(to, channel: channel)
        let customCode = try Self.customCode(form, service: service)
        let (amount, payee) = try Self.psd2(form, service: service, channel: channel)
        _ = try form.v2SID("TemplateSid", prefix: "HJ")
        _ = try form.v2OneOf("RiskCheck", ["enable", "disable"])
        _ = try form.v2Bool("EnableSnaClientToken")
        for name in ["RateLimits", "ChannelConfiguration", "TemplateCustomSubstitutions", "Tags"] {
            try Self.requireJSONObject(form, name)
        }
        let lookup = await lookupJSON(analysis, enabled: service.lookupEnabled)
        if service.lookupEnabled, service.skipSmsToLandlines, channel == "sms", lookup["carrier"]?["type"] == "landline" {
            throw SandboxError(.badRequest, code: 60205, "SMS is not supported by landline phone number")
        }
        let now = Date()
        let verification = try await state.start(serviceSID: serviceSID, to: to, channel: channel, now: now) {
            VerificationRecord(sid: SID.make("VE"), serviceSID: serviceSID, accountSID: accountSID, to: to, channel: channel,
                               code: customCode ?? Self.randomCode(length: service.codeLength),
                               amount: amount, payee: payee, lookup: lookup, date: now)
        }
        let name = form.first("CustomFriendlyName") ?? service.friendlyName
        await deliver(verification, serviceName: name, service: service)
        return verification
    }

    // MARK: Delivery

    /// Sends the code of `verification` on its current channel.
    private func deliver(_ verification: VerificationRecord, serviceName: String, service: VerifyServiceRecord) async {
        var text = "Your \(serviceName) verification code is: \(verification.code)"
        let now = Date()
        let delivery: VerificationDelivery
        switch verification.channel {
        case "sms", "whatsapp":
            if service.doNotShareWarningEnabled { text += ". Don't share this code with anyone; our employees will never ask for the code." }
            let whatsapp = verification.channel == "whatsapp"
            let to = whatsapp ? "whatsapp:" + verification.to : verification.to
            let from = whatsapp ? service.whatsappFrom ?? "whatsapp:" + Self.sender : Self.sender
            let message = MessageRecord(accountSID: verification.accountSID, from: from, to: to, body: text, status: .queued,
                                        direction: .outboundAPI, now: now)
            await messaging.send(message)
            delivery = VerificationDelivery(channel: verification.channel, to: to, from: from, subject: nil, body: text,
                                            messageSID: message.sid, date: now)
        case "call":
            let spoken = verification.code.map(String.init).joined(separator: ", ")
            delivery = VerificationDelivery(channel: "call", to: verification.to, from: Self.sender, subject: nil,
                                            body: "Your \(serviceName) verification code is: \(spoken).", messageSID: nil, date: now)
        default:
            delivery = VerificationDelivery(channel: "email", to: verification.to, from: nil, subject: "Your \(serviceName) verification code",
                                            body: text, messageSID: nil, date: now)
        }
        await state.recordDelivery(delivery, of: verification.sid)
    }

    // MARK: Validation

    /// An email address for `email`, a valid E.164 number otherwise (60200).
    private static func validateRecipient(_ to: String, channel: String) throws(SandboxError) -> PhoneNumberAnalysis? {
        if channel == "email" {
            let parts = to.split(separator: "@")
            guard parts.count == 2, parts[1].contains("."), !to.contains(" ") else { throw .invalidV2Parameter("To", to) }
            return nil
        }
        let analysis = PhoneNumberAnalysis(to, countryCode: nil)
        guard to.hasPrefix("+"), analysis.isValid, analysis.phoneNumber == to else { throw .invalidV2Parameter("To", to) }
        return analysis
    }

    /// `CustomCode`: only on services with custom codes (60204), 4–10 characters.
    private static func customCode(_ form: FormParameters, service: VerifyServiceRecord) throws(SandboxError) -> String? {
        guard let code = form.first("CustomCode") else { return nil }
        guard service.customCodeEnabled else {
            throw SandboxError(.badRequest, code: 60204, "Service does not support this feature")
        }
        guard (4...10).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .invalidV2Parameter("CustomCode", code)
        }
        return code
    }

    /// PSD2 services need `Amount` and `Payee` (60206) and cannot call (60214).
    private static func psd2(_ form: FormParameters, service: VerifyServiceRecord, channel: String) throws(SandboxError) -> (String?, String?) {
        guard service.psd2Enabled else { return (nil, nil) }
        guard let amount = form.first("Amount"), let payee = form.first("Payee") else {
            throw SandboxError(.badRequest, code: 60206, "'Amount' & 'Payee' params are required")
        }
        guard channel != "call" else { throw SandboxError(.badRequest, code: 60214, "Call channel is not supported when using PSD2") }
        return (amount, payee)
    }

    /// Parameters the SDKs send as JSON objects must be one.
    private static func requireJSONObject(_ form: FormParameters, _ name: String) throws(SandboxError) {
        guard let value = form.first(name) else { return }
        guard (try? JSONSerialization.jsonObject(with: Data(value.utf8))) is [String: Any] else { throw .invalidV2Parameter(name, value) }
    }

    /// The `lookup` object: the carrier when the service does lookups, `{}` otherwise.
    private func lookupJSON(_ analysis: PhoneNumberAnalysis?, enabled: Bool) async -> SandboxJSON {
        guard enabled, let analysis else { return .object([]) }
        let owned = await phoneNumbers.owner(of: analysis.phoneNumber) != nil
        let answer = LineTypeRule.answer(for: analysis, ownedBySandbox: owned)
        let type = switch answer.type {
        case "mobile": "mobile"
        case "nonFixedVoip", "fixedVoip": "voip"
        default: "landline"
        }
        return .object([("carrier", .object([
            ("mobile_country_code", .optional(answer.mobileCountryCode)),
            ("type", .string(type)),
            ("error_code", .null),
            ("mobile_network_code", .optional(answer.mobileNetworkCode)),
            ("name", .optional(answer.carrierName)),
        ]))])
    }

    /// `length` random digits.
    private static func randomCode(length: Int) -> String {
        String((0..<length).map { _ in Character(String(Int.random(in: 0...9))) })
    }
}
