import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox Verify v2, driven by TwilioKit")
struct VerifySandboxTests {
    /// A client that does not retry, so 429 answers (60202, 60203) come back at once.
    private func noRetryClient(_ sandbox: SandboxFixture) -> TwilioClient {
        var configuration = sandbox.server.clientConfiguration
        configuration.retryPolicy = .never
        return TwilioClient(configuration: configuration)
    }

    /// The code in the latest message the handset `number` received, read through `/sandbox`.
    private func codeFromHandset(_ sandbox: SandboxFixture, _ number: String) async throws -> String? {
        let messages = try await sandbox.eventually({ try await sandbox.inspect(.get, "/sandbox/handsets/\(number)/messages") }) {
            (($0.json["messages"] as? [[String: Any]]) ?? []).contains { ($0["status"] as? String) == "delivered" }
        }
        let bodies = ((messages.json["messages"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }
        return bodies.last.flatMap { $0.split(separator: " ").last.map(String.init) }
    }

    @Test func servicesAreCreatedFetchedListedUpdatedAndDeleted() async throws {
        try await SandboxFixture.with { sandbox in
            let verify = sandbox.client.verify
            let created = try await verify.createService(.init(
                friendlyName: "Owl Bank", codeLength: 8, lookupEnabled: true, dtmfInputRequired: false, ttsName: "alice",
                doNotShareWarningEnabled: true, customCodeEnabled: true, totpIssuer: "Owl", totpTimeStep: 45, totpSkew: 2,
                whatsappFrom: "+15005550006", passkeysRelyingPartyID: "owl.example", passkeysRelyingPartyOrigins: ["https://owl.example"],
                passkeysUserVerification: .preferred))
            let sid = try #require(created.sid)
            #expect(sid.hasPrefix("VA"))
            #expect(created.codeLength == 8)
            #expect(created.lookupEnabled == true)
            #expect(created.dtmfInputRequired == false)
            #expect(created.totp?.issuer == "Owl")
            #expect(created.totp?.timeStep == 45)
            #expect(created.whatsapp?.from == "whatsapp:+15005550006")
            #expect(created.passkeys?.relyingParty?.origins == ["https://owl.example"])
            #expect(created.links?["verifications"] == "https://verify.twilio.com/v2/Services/\(sid)/Verifications")
            #expect(try await verify.fetchService(sid) == created)
            let raw = try await sandbox.inspect(.get, "/verify/v2/Services/\(sid)")
            #expect(Set(raw.json.keys) == ["sid", "account_sid", "friendly_name", "code_length", "lookup_enabled", "psd2_enabled",
                                           "skip_sms_to_landlines", "dtmf_input_required", "tts_name", "do_not_share_warning_enabled",
                                           "custom_code_enabled", "push", "totp", "default_template_sid", "whatsapp", "passkeys",
                                           "verify_event_subscription_enabled", "date_created", "date_updated", "url", "links"])

            for name in ["Second", "Third"] { _ = try await verify.createService(.init(friendlyName: name)) }
            let listed = try await verify.listServices(pageSize: 1).collect()
            #expect(listed.compactMap(\.friendlyName) == ["Owl Bank", "Second", "Third"])

            let updated = try await sandbox.inspect(.post, "/verify/v2/Services/\(sid)", form: [("FriendlyName", "Owl Credit"), ("CodeLength", "5")])
            #expect(updated.status == 200)
            #expect(try await verify.fetchService(sid).friendlyName == "Owl Credit")
            #expect(try await verify.fetchService(sid).codeLength == 5)
            let tooLong = try await sandbox.inspect(.post, "/verify/v2/Services/\(sid)", form: [("CodeLength", "11")])
            #expect(tooLong.json["code"] as? Int == 60200)

            #expect(try await sandbox.inspect(.delete, "/verify/v2/Services/\(sid)").status == 204)
            let gone = await #expect(throws: TwilioError.self) { _ = try await verify.fetchService(sid) }
            #expect(gone?.code == 20404)
            let unnamed = try await sandbox.inspect(.post, "/verify/v2/Services", form: [("CodeLength", "6")])
            #expect(unnamed.status == 400)
        }
    }

    @Test func fullVerificationThroughTheHandset() async throws {
        try await SandboxFixture.with { sandbox in
            let verify = sandbox.client.verify
            let service = try #require(try await verify.createService(.init(friendlyName: "Owl Bank")).sid)
            let started = try await verify.createVerification(.init(to: "+14155550177", channel: .sms), serviceSid: service)
            #expect(started.status == .pending)
            #expect(started.valid == false)
            #expect(started.channel == .sms)
            #expect(started.sendCodeAttempts?.count == 1)
            #expect(started.sendCodeAttempts?.first?.channel == "SMS")

            let code = try #require(try await codeFromHandset(sandbox, "+14155550177"))
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            let messages = try await sandbox.inspect(.get, "/sandbox/handsets/+14155550177/messages")
            let body = ((messages.json["messages"] as? [[String: Any]])?.first?["body"] as? String)
            #expect(body == "Your Owl Bank verification code is: \(code)")

            let wrong = try await verify.checkVerification(.init(code: code == "000000" ? "111111" : "000000", to: "+14155550177"), serviceSid: service)
            #expect(wrong.status == .pending)
            #expect(wrong.valid == false)
            let rawCheck = try await sandbox.inspect(.post, "/verify/v2/Services/\(service)/VerificationCheck",
                                                     form: [("To", "+14155550177"), ("Code", "wrong")])
            #expect(Set(rawCheck.json.keys) == ["sid", "service_sid", "account_sid", "to", "channel", "status", "valid", "amount", "payee",
                                                "date_created", "date_updated", "sna_attempts_error_codes"])
            let rawVerification = try await sandbox.inspect(.get, "/verify/v2/Services/\(service)/Verifications/\(started.sid ?? "")")
            #expect(Set(rawVerification.json.keys) == ["sid", "service_sid", "account_sid", "to", "channel", "status", "valid", "lookup",
                                                       "amount", "payee", "send_code_attempts", "date_created", "date_updated", "sna", "url"])

            let right = try await verify.checkVerification(.init(code: code, verificationSid: started.sid), serviceSid: service)
            #expect(right.status == .approved)
            #expect(right.valid == true)
            #expect(right.sid == started.sid)
            let fetched = await #expect(throws: TwilioError.self) {
                _ = try await verify.fetchVerification(started.sid ?? "", serviceSid: service)
            }
            #expect(fetched?.code == 20404, "Twilio soft-deletes an approved verification")

            let again = await #expect(throws: TwilioError.self) {
                _ = try await verify.checkVerification(.init(code: code, to: "+14155550177"), serviceSid: service)
            }
            #expect(again?.code == 20404, "an approved verification is gone")

            let inspected = try await sandbox.inspect(.get, "/sandbox/verifications/%2B14155550177")
            #expect(inspected.json["code"] as? String == code)
            #expect(inspected.json["status"] as? String == "approved")
        }
    }

    @Test func fiveWrongChecksLockTheVerification() async throws {
        try await SandboxFixture.with { sandbox in
            let verify = noRetryClient(sandbox).verify
            let service = try #require(try await verify.createService(.init(friendlyName: "Owl Bank", codeLength: 4)).sid)
            let started = try await verify.createVerification(.init(to: "+14155550178", channel: .call), serviceSid: service)
            let code = try #require(try await sandbox.inspect(.get, "/sandbox/verifications/%2B14155550178").json["code"] as? String)
            #expect(code.count == 4)
            let wrongCode = code == "0000" ? "1111" : "0000"
            var statuses: [VerificationStatus?] = []
            for _ in 1...5 {
                statuses.append(try await verify.checkVerification(.init(code: wrongCode, to: "+14155550178"), serviceSid: service).status)
            }
            #expect(statuses == [.pending, .pending, .pending, .pending, .maxAttemptsReached])
            let locked = await #expect(throws: TwilioError.self) {
                _ = try await verify.checkVerification(.init(code: code, to: "+14155550178"), serviceSid: service)
            }
            #expect(locked?.code == 60202)
            #expect(locked?.httpStatus == 429)
            let blocked = await #expect(throws: TwilioError.self) {
                _ = try await verify.createVerification(.init(to: "+14155550178", channel: .sms), serviceSid: service)
            }
            #expect(blocked?.code == 60202, "a locked verification blocks new ones until it expires")
            #expect(try await verify.fetchVerification(started.sid ?? "", serviceSid: service).status == .maxAttemptsReached)

            let deliveries = try await sandbox.inspect(.get, "/sandbox/verifications/%2B14155550178").json["deliveries"] as? [[String: Any]]
            let spoken = code.map(String.init).joined(separator: ", ")
            #expect(deliveries?.first?["body"] as? String == "Your Owl Bank verification code is: \(spoken).")
        }
    }

    @Test func resendsReuseThePendingVerificationUpToFiveSends() async throws {
        try await SandboxFixture.with { sandbox in
            let verify = noRetryClient(sandbox).verify
            let service = try #require(try await verify.createService(.init(friendlyName: "Owl Bank")).sid)
            var sids: Set<String?> = []
            var last: Verification?
            for channel in [VerificationCreateParameters.Channel.sms, .sms, .whatsapp, .call, .sms] {
                last = try await verify.createVerification(.init(to: "+14155550179", channel: channel), serviceSid: service)
                sids.insert(last?.sid)
            }
            #expect(sids.count == 1)
            #expect(last?.sendCodeAttempts?.map(\.channel) == ["SMS", "SMS", "whatsapp", "CALL", "SMS"])
            let refused = await #expect(throws: TwilioError.self) {
                _ = try await verify.createVerification(.init(to: "+14155550179", channel: .sms), serviceSid: service)
            }
            #expect(refused?.code == 60203)
            #expect(refused?.httpStatus == 429)

            let whatsapp = try await sandbox.eventually({ try await sandbox.inspect(.get, "/sandbox/handsets/whatsapp:+14155550179/messages") }) {
                !(($0.json["messages"] as? [[String: Any]]) ?? []).isEmpty
            }
            let codes = try await sandbox.inspect(.get, "/sandbox/verifications/%2B14155550179")
            let whatsappBody = (whatsapp.json["messages"] as? [[String: Any]])?.first?["body"] as? String
            #expect(whatsappBody?.hasSuffix(codes.json["code"] as? String ?? "-") == true, "every send carries the same code")

            let canceled = try await verify.updateVerification(last?.sid ?? "", serviceSid: service, status: .canceled)
            #expect(canceled.status == .canceled)
            let fresh = try await verify.createVerification(.init(to: "+14155550179", channel: .sms), serviceSid: service)
            #expect(fresh.sid != last?.sid)
            #expect(fresh.sendCodeAttempts?.count == 1)
        }
    }

    @Test func expiredVerificationsCannotBeChecked() async throws {
        try await SandboxFixture.with { sandbox in
            let verify = sandbox.client.verify
            let service = try #require(try await verify.createService(.init(friendlyName: "Owl Bank")).sid)
            let started = try await verify.createVerification(.init(to: "owl@example.com", channel: .email), serviceSid: service)
            let inspected = try await sandbox.inspect(.get, "/sandbox/verifications/owl@example.com")
            let code = try #require(inspected.json["code"] as? String)
            let email = (inspected.json["deliveries"] as? [[String: Any]])?.first
            #expect(email?["subject"] as? String == "Your Owl Bank verification code")
            #expect(started.sendCodeAttempts?.first?.channel == "EMAIL")

            let expired = try await sandbox.inspect(.post, "/sandbox/verifications/owl@example.com/expire")
            #expect(expired.json["status"] as? String == "expired")
            let gone = await #expect(throws: TwilioError.self) {
                _ = try await verify.fetchVerification(started.sid ?? "", serviceSid: service)
            }
            #expect(gone?.code == 20404, "Twilio soft-deletes an expired verification")
            let late = await #expect(throws: TwilioError.self) {
                _ = try await verify.checkVerification(.init(code: code, to: "owl@example.com"), serviceSid: service)
            }
            #expect(late?.code == 20404)
        }
    }

    @Test func createVerificationIsValidatedAsTwilioDoes() async throws {
        try await SandboxFixture.with { sandbox in
            let verify = sandbox.client.verify
            let service = try #require(try await verify.createService(.init(friendlyName: "Owl Bank")).sid)
            let cases: [(VerificationCreateParameters, String, Int)] = [
                (.init(to: "+1415555", channel: .sms), service, 60200),
                (.init(to: "not-an-email", channel: .email), service, 60200),
                (.init(to: "+14155550180", channel: .sms, customCode: "4242"), service, 60204),
                (.init(to: "+14155550180", channel: .sna), service, 60223),
                (.init(to: "+14155550180", channel: .sms), "VA00000000000000000000000000000000", 20404),
            ]
            for (parameters, serviceSid, code) in cases {
                let error = await #expect(throws: TwilioError.self) { _ = try await verify.createVerification(parameters, serviceSid: serviceSid) }
                #expect(error?.code == code)
            }
            let noTarget = await #expect(throws: TwilioError.self) {
                _ = try await verify.checkVerification(.init(code: "123456"), serviceSid: service)
            }
            #expect(noTarget?.code == 60221)
        }
    }

    @Test func lookupEnabledServicesReportTheCarrierAndSkipLandlines() async throws {
        try await SandboxFixture.with { sandbox in
            let verify = sandbox.client.verify
            let service = try #require(try await verify.createService(.init(
                friendlyName: "Owl Bank", lookupEnabled: true, skipSmsToLandlines: true, customCodeEnabled: true)).sid)
            let mobile = try await verify.createVerification(.init(to: "+14155559876", channel: .sms, customCode: "424242"), serviceSid: service)
            #expect(mobile.lookup?.carrier?.type == "mobile")
            #expect(mobile.lookup?.carrier?.name?.isEmpty == false)
            let checked = try await verify.checkVerification(.init(code: "424242", to: "+14155559876"), serviceSid: service)
            #expect(checked.status == .approved)
            let landline = await #expect(throws: TwilioError.self) {
                _ = try await verify.createVerification(.init(to: "+14155559877", channel: .sms), serviceSid: service)
            }
            #expect(landline?.code == 60205)
        }
    }
}
