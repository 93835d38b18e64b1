import Foundation
import Testing
@testable import TwilioKit

@Suite("Verify v2 against the OpenAPI spec")
struct VerifyContractTests {
    let harness = ContractHarness()
    let serviceSid = "VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

    private func form(_ request: TwilioHTTPRequest) -> FormParameters {
        FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
    }

    private func formParameters(_ operationID: String) throws -> Set<String> {
        try #require(try OpenAPISpec.load(.verify).operation(id: operationID)).formParameters
    }

    @Test func createServiceWithEveryParameter() async throws {
        let parameters = VerifyServiceCreateParameters(
            friendlyName: "My App", codeLength: 6, lookupEnabled: true, skipSmsToLandlines: true, dtmfInputRequired: false,
            ttsName: "Polly.Joanna", psd2Enabled: false, doNotShareWarningEnabled: true, customCodeEnabled: true,
            pushIncludeDate: false, pushApnCredentialSid: "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            pushFcmCredentialSid: "CRbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", totpIssuer: "My App", totpTimeStep: 30,
            totpCodeLength: 6, totpSkew: 1, defaultTemplateSid: "HJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            whatsappMsgServiceSid: "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", whatsappFrom: "whatsapp:+14155550100",
            passkeysRelyingPartyID: "example.com", passkeysRelyingPartyName: "Example App",
            passkeysRelyingPartyOrigins: ["login.example.com", "www.example.com"],
            passkeysAuthenticatorAttachment: .crossPlatform, passkeysDiscoverableCredentials: .preferred,
            passkeysUserVerification: .required, verifyEventSubscriptionEnabled: true)
        let request = try await harness.check("CreateService") { client in
            let service = try await client.verify.createService(parameters)
            #expect(service.sid == serviceSid)
            #expect(service.totp?.timeStep == 30)
        }
        let form = form(request)
        #expect(Set(form.items.map(\.name)) == (try formParameters("CreateService")), "every CreateService parameter is settable")
        #expect(form.values("Passkeys.RelyingParty.Origins") == ["login.example.com,www.example.com"])
        #expect(form.values("Passkeys.AuthenticatorAttachment") == ["cross-platform"])
        #expect(form.values("Totp.TimeStep") == ["30"])
        #expect(form.values("LookupEnabled") == ["true"])
    }

    @Test func fetchAndListServices() async throws {
        try await harness.check("FetchService") { _ = try await $0.verify.fetchService(serviceSid) }
        let request = try await harness.check("ListService") { client in
            let services = try await client.verify.listServices(limit: 5).collect()
            #expect(services.count == 1)
        }
        #expect(request.url.contains("PageSize=5"))
        try await harness.check("ListService") { _ = try await $0.verify.listServices(pageSize: 50).firstPageOnly() }
    }

    @Test func createVerificationWithEveryParameter() async throws {
        let parameters = VerificationCreateParameters(
            to: "+15017122661", channel: .sms, customFriendlyName: "My App", customMessage: "Your code",
            sendDigits: "ww1234", locale: "pt-BR", customCode: "867530", amount: "€39.99", payee: "Acme Inc.",
            rateLimits: ["end_user_ip_address": "127.0.0.1"],
            channelConfiguration: ["from": .string("me@example.com"), "substitutions": .object(["name": .string("Ana")])],
            appHash: "AbCdEfGhIjK", templateSid: "HJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            templateCustomSubstitutions: ["friendly_name": "Ana"], deviceIP: "203.0.113.7", enableSnaClientToken: true,
            riskCheck: .disable, tags: ["campaign": "spring"])
        let request = try await harness.check("CreateVerification") { client in
            let verification = try await client.verify.createVerification(parameters, serviceSid: serviceSid)
            #expect(verification.status == .pending)
            #expect(verification.channel != nil)
        }
        #expect(request.url.hasSuffix("/v2/Services/\(serviceSid)/Verifications"))
        let form = form(request)
        #expect(Set(form.items.map(\.name)) == (try formParameters("CreateVerification")), "every CreateVerification parameter is settable")
        #expect(form.values("RateLimits") == [#"{"end_user_ip_address":"127.0.0.1"}"#])
        #expect(form.values("ChannelConfiguration") == [#"{"from":"me@example.com","substitutions":{"name":"Ana"}}"#])
        #expect(form.values("TemplateCustomSubstitutions") == [#"{"friendly_name":"Ana"}"#])
        #expect(form.values("Tags") == [#"{"campaign":"spring"}"#])
        #expect(form.values("Amount") == ["€39.99"])
        #expect(form.values("EnableSnaClientToken") == ["true"])
    }

    @Test func everyChannelIsSendable() async throws {
        for channel in [VerificationCreateParameters.Channel.sms, .call, .email, .whatsapp, .sna, .auto] {
            let request = try await harness.check("CreateVerification") {
                _ = try await $0.verify.createVerification(.init(to: "+15017122661", channel: channel), serviceSid: serviceSid)
            }
            #expect(form(request).values("Channel") == [channel.rawValue])
        }
    }

    @Test func fetchAndUpdateVerification() async throws {
        let sid = "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        try await harness.check("FetchVerification") { _ = try await $0.verify.fetchVerification(sid, serviceSid: serviceSid) }
        for status in [VerificationStatusUpdate.approved, .canceled] {
            let request = try await harness.check("UpdateVerification") {
                _ = try await $0.verify.updateVerification(sid, serviceSid: serviceSid, status: status)
            }
            #expect(request.body.map { String(decoding: $0, as: UTF8.self) } == "Status=\(status.rawValue)")
        }
    }

    @Test func checkWithEveryParameter() async throws {
        let parameters = VerificationCheckParameters(
            code: "123456", to: "+15017122661", verificationSid: "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            amount: "€39.99", payee: "Acme Inc.", snaClientToken: "token")
        let request = try await harness.check("CreateVerificationCheck") { client in
            let check = try await client.verify.checkVerification(parameters, serviceSid: serviceSid)
            #expect(check.status == .approved || check.status == .pending)
        }
        #expect(Set(form(request).items.map(\.name)) == (try formParameters("CreateVerificationCheck")))
    }

    @Test func modelsDecodeEveryExample() throws {
        for operation in ["CreateService", "FetchService"] {
            try ContractHarness.decodeExamples(operation, in: .verify, as: VerifyService.self)
        }
        try ContractHarness.decodeListExamples("ListService", in: .verify, of: VerifyService.self)
        for operation in ["CreateVerification", "FetchVerification", "UpdateVerification"] {
            try ContractHarness.decodeExamples(operation, in: .verify, as: Verification.self)
        }
        try ContractHarness.decodeExamples("CreateVerificationCheck", in: .verify, as: VerificationCheck.self)
    }

    @Test func nestedObjectsDecodeTyped() throws {
        let spec = try OpenAPISpec.load(.verify)
        func example(_ operationID: String, _ name: String) throws -> Data {
            let examples = try #require(spec.operation(id: operationID)).responseExamples
            return try #require(examples.first { $0.name == name }, "no example \(name)").json
        }
        let service = try TwilioJSON.decoder.decode(VerifyService.self, from: example("CreateService", "createRecord"))
        #expect(service.push?.apnCredentialSid == "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(service.whatsapp?.from == "whatsapp:+1234567890")
        #expect(service.passkeys?.relyingParty?.origins == ["www.mydomain.com", "www.login.mydomain.com"])
        #expect(service.links?["verification_checks"]?.hasSuffix("/VerificationCheck") == true)

        let sna = try TwilioJSON.decoder.decode(Verification.self, from: example("CreateVerification", "createVerificationSna"))
        #expect(sna.channel == .sna)
        #expect(sna.lookup?.carrier?.name == "T-Mobile USA, Inc.")
        #expect(sna.sna?.url?.hasPrefix("https://") == true)
        #expect(sna.sendCodeAttempts?.first?.attemptSid == "VLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(sna.sendCodeAttempts?.first?.time == TwilioDateFormat.date(from: "2015-07-30T20:00:00Z"))

        let check = try TwilioJSON.decoder.decode(VerificationCheck.self, from: example("CreateVerificationCheck", "snaVerificationChecks"))
        #expect(check.snaAttemptsErrorCodes?.first?.code == 60001)
        #expect(check.status == .approved)
    }

    @Test func statusesFollowTheDocs() throws {
        let json = Data(#"[\#(VerificationStatus.allCases.filter { $0 != .unknown }.map { "\"\($0.rawValue)\"" }.joined(separator: ",")),"later"]"#.utf8)
        let statuses = try TwilioJSON.decoder.decode([VerificationStatus].self, from: json)
        #expect(statuses.last == .unknown)
        #expect(Set(statuses.dropLast().map(\.rawValue)) == ["pending", "approved", "canceled", "max_attempts_reached", "deleted", "failed", "expired"])
    }
}
