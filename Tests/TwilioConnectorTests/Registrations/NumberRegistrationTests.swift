import ConnectorStore
import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// Registering triggers on numbers, against the sandbox: what is there is shown and kept, nothing
/// changes without consent, and unregistering puts back exactly what was there.
@Suite("Registrations on numbers")
struct NumberRegistrationTests {
    @Test func aFieldPointingElsewhereIsRefusedThenReplacedAndPutBackExactlyOnUnregister() async throws {
        try await RegistrarFixture.with { fixture in
            try await fixture.configure("+14155550100", .init(smsMethod: .get, smsURL: fixture.echoURL))
            let before = try await fixture.number("+14155550100")

            let refused = await fixture.refusal(.init(trigger: "newSms", target: .number("+14155550100")))
            guard case .fieldOccupied(let number, let field, let current)? = refused else {
                Issue.record("expected fieldOccupied, got \(String(describing: refused))")
                return
            }
            #expect(number == "+14155550100" && field == "SmsUrl")
            #expect(current["sms_url"] == fixture.echoURL && current["sms_method"] == "GET")
            #expect(refused?.description.contains(fixture.echoURL) == true, "the refusal shows the current value")
            #expect(try await fixture.number("+14155550100") == before, "nothing changed")
            #expect(try await fixture.store.registrations().isEmpty)

            let registration = try await fixture.registrar.register(.init(trigger: "new_sms", target: .number("+14155550100"), replace: true,
                                                                          settings: ["Reply": "Thanks!"]))
            #expect(registration.trigger == "newSms" && registration.kind == .number && registration.field == "SmsUrl")
            #expect(registration.url == RegistrarFixture.webhook("newSms", query: "Reply=Thanks%21"))
            #expect(registration.previous == ["sms_url": .string(fixture.echoURL), "sms_method": "GET", "sms_application_sid": .null])
            let changed = try await fixture.number("+14155550100")
            #expect(changed.smsUrl == registration.url && changed.smsMethod == .post)
            #expect(changed.voiceUrl == before.voiceUrl && changed.statusCallback == before.statusCallback, "only the field it owns")
            #expect(try await fixture.store.registrations() == [registration])
            #expect(try await fixture.text("+14155550100", "to the connector") == registration.url)

            let removed = try await fixture.registrar.unregister(id: registration.id)
            #expect(removed == registration)
            let restored = try await fixture.number("+14155550100")
            #expect(restored.smsUrl == fixture.echoURL && restored.smsMethod == .get)
            #expect(try await fixture.text("+14155550100", "back home") == fixture.echoURL, "inbound SMS reaches the original URL again")
            #expect(try await fixture.store.registrations().isEmpty)
        }
    }

    @Test func anEmptyFieldStaysEmptyAndAnApplicationStaysAnApplication() async throws {
        try await RegistrarFixture.with { fixture in
            let before = try await fixture.number("+14155550101")
            #expect(before.voiceUrl.map(\.isEmpty) ?? true)
            let call = try await fixture.registrar.register(.init(trigger: "inboundCall", target: .number("+14155550101"),
                                                                  settings: ["subWorkflow": "echo"]))
            #expect(try await fixture.number("+14155550101").voiceUrl == RegistrarFixture.webhook("inboundCall", query: "subWorkflow=echo"))
            _ = try await fixture.registrar.unregister(id: call.id)
            #expect(try await fixture.number("+14155550101").voiceUrl.map(\.isEmpty) ?? true, "empty stays empty")

            let application = try await fixture.connector.sandboxPost("/api/2010-04-01/Accounts/\(fixture.connector.sandbox.configuration.accountSID)/Applications.json",
                                                                      form: [("FriendlyName", "Studio"), ("SmsUrl", fixture.echoURL)])
            let applicationSid = try #require(application["sid"]?.scalarText)
            try await fixture.configure("+14155550101", .init(smsApplicationSid: applicationSid))
            guard case .fieldOccupied(_, _, let current)? = await fixture.refusal(.init(trigger: "newSms", target: .number("+14155550101"))) else {
                Issue.record("an Application holds the field")
                return
            }
            #expect(current["sms_application_sid"] == applicationSid)
            let sms = try await fixture.registrar.register(.init(trigger: "newSms", target: .number("+14155550101"), replace: true))
            let taken = try await fixture.number("+14155550101")
            #expect((taken.smsApplicationSid ?? "").isEmpty && taken.smsUrl == sms.url)
            _ = try await fixture.registrar.unregister(id: sms.id)
            let back = try await fixture.number("+14155550101")
            #expect(back.smsApplicationSid == applicationSid, "an Application stays an Application")
            #expect(try await fixture.text("+14155550101", "to the application") == fixture.echoURL)
        }
    }

    @Test func theTriggersOwnWebhookWithOtherSettingsIsTakenOverWithoutAskingAndPutBack() async throws {
        try await RegistrarFixture.with { fixture in
            // What `serve`'s sandbox loop leaves on a number: the trigger's webhook, no settings.
            let loopURL = RegistrarFixture.webhook("newSms")
            try await fixture.configure("+14155550101", .init(smsURL: loopURL))
            let registration = try await fixture.registrar.register(.init(trigger: "newSms", target: .number("+14155550101"),
                                                                          settings: ["Reply": "Thanks"]))
            #expect(try await fixture.number("+14155550101").smsUrl == RegistrarFixture.webhook("newSms", query: "Reply=Thanks"))
            _ = try await fixture.registrar.unregister(id: registration.id)
            #expect(try await fixture.number("+14155550101").smsUrl == loopURL)

            try await fixture.configure("+14155550101", .init(smsURL: RegistrarFixture.webhook("inboundCall")))
            guard case .fieldOccupied? = await fixture.refusal(.init(trigger: "newSms", target: .number("+14155550101"))) else {
                Issue.record("another trigger's webhook is someone else's setting")
                return
            }
        }
    }

    @Test func aChangeMadeSinceTheRegistrationIsShownAndOnlyOverwrittenWithForce() async throws {
        try await RegistrarFixture.with { fixture in
            let registration = try await fixture.registrar.register(.init(trigger: "callStatus", target: .number("+14155550100")))
            #expect(try await fixture.number("+14155550100").statusCallback == registration.url)
            try await fixture.configure("+14155550100", .init(statusCallback: "https://someone.example.com/status"))
            do throws(RegistrationError) {
                _ = try await fixture.registrar.unregister(id: registration.id)
                Issue.record("unregistered over a change")
            } catch {
                guard case .changedSinceRegistration(_, let differences) = error else { throw error }
                #expect(differences == [SettingDifference(name: "status_callback", expected: registration.url, actual: "https://someone.example.com/status")])
            }
            #expect(try await fixture.number("+14155550100").statusCallback == "https://someone.example.com/status", "nothing restored")
            #expect(try await fixture.store.registrations() == [registration])
            _ = try await fixture.registrar.unregister(id: registration.id, force: true)
            #expect((try await fixture.number("+14155550100").statusCallback ?? "").isEmpty)
            #expect(try await fixture.store.registrations().isEmpty)
        }
    }

    @Test func aNumberWhoseMessagingServiceWebhookWinsIsWarnedAboutAndCanBeRegisteredOnTheService() async throws {
        try await RegistrarFixture.with { fixture in
            let service = try await fixture.connector.sandboxPost("/messaging/v1/Services", form: [
                ("FriendlyName", "Support"), ("InboundRequestUrl", fixture.echoURL), ("UseInboundWebhookOnNumber", "false"),
            ])
            let serviceSid = try #require(service["sid"]?.scalarText)
            let numberSid = try #require(try await fixture.number("+14155550101").sid)
            _ = try await fixture.client.messagingServices.addPhoneNumber(numberSid, serviceSid: serviceSid)

            let refused = await fixture.refusal(.init(trigger: "newSms", target: .number("+14155550101")))
            guard case .messagingServiceWins(let number, let sid, let url)? = refused else {
                Issue.record("expected the Messaging Service warning, got \(String(describing: refused))")
                return
            }
            #expect(number == "+14155550101" && sid == serviceSid && url == fixture.echoURL)
            #expect(refused?.description.contains("would never be called") == true)
            #expect(try await fixture.store.registrations().isEmpty, "no silent dead hook")
            #expect((try await fixture.number("+14155550101").smsUrl ?? "").isEmpty)

            guard case .fieldOccupied(_, "InboundRequestUrl", _)? = await fixture.refusal(.init(trigger: "newSms", target: .messagingServiceOf("+14155550101"))) else {
                Issue.record("the service's own webhook needs consent too")
                return
            }
            let registration = try await fixture.registrar.register(.init(trigger: "newSms", target: .messagingServiceOf("+14155550101"), replace: true))
            #expect(registration.kind == .messagingService && registration.resourceSid == serviceSid && registration.phoneNumber == "+14155550101")
            #expect(try await fixture.text("+14155550101", "via the service") == registration.url)
            _ = try await fixture.registrar.unregister(id: registration.id)
            #expect(try await fixture.client.messagingServices.fetch(serviceSid).inboundRequestUrl == fixture.echoURL)
            #expect(try await fixture.text("+14155550101", "service again") == fixture.echoURL)
        }
    }

    @Test func ofRegistrationsRacingForOneFieldOnlyOneWins() async throws {
        try await RegistrarFixture.with { fixture in
            let registrar = fixture.registrar
            let outcomes = await withTaskGroup(of: Result<Registration, RegistrationError>.self) { group in
                for trigger in ["newSms", "newWhatsappMessage", "newSms", "newWhatsappMessage"] {
                    group.addTask {
                        do throws(RegistrationError) { return .success(try await registrar.register(.init(trigger: trigger, target: .number("+15005550006"), replace: true))) } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            for outcome in outcomes {
                if case .failure(let error) = outcome, case .alreadyRegistered = error {} else if case .failure(let error) = outcome {
                    Issue.record("a loser failed otherwise: \(error)")
                }
            }
            let stored = try await fixture.store.registrations()
            let number = try await fixture.number("+15005550006")
            #expect(stored == winners)
            #expect(number.smsUrl == winners.first?.url)
        }
    }

    @Test func triggersThatANumberCannotServeAreRefusedWithTheReason() async throws {
        try await RegistrarFixture.with { fixture in
            guard case .notPlaceable(_, let reason)? = await fixture.refusal(.init(trigger: "messageStatus", target: .number("+14155550100"))) else {
                Issue.record("messageStatus is per message")
                return
            }
            #expect(reason.contains("event-streams") && reason.contains("StatusCallback"))
            guard case .notPlaceable? = await fixture.refusal(.init(trigger: "newTranscript", target: .number("+14155550100"))),
                  case .notPlaceable? = await fixture.refusal(.init(trigger: "inboundCall", target: .eventStreams)),
                  case .unknownTrigger? = await fixture.refusal(.init(trigger: "newFax", target: .number("+14155550100"))),
                  case .invalidRequest? = await fixture.refusal(.init(trigger: "inboundCall", target: .number("+14155550100"))),
                  case .invalidRequest? = await fixture.refusal(.init(trigger: "newSms", target: .number("+14155550100"), settings: ["Colour": "red"])),
                  case .invalidRequest? = await fixture.refusal(.init(trigger: "newSms", target: .number("4155550100"))),
                  case .numberNotFound? = await fixture.refusal(.init(trigger: "newSms", target: .number("+14155550199"))),
                  case .invalidRequest? = await fixture.refusal(.init(trigger: "newSms", target: .messagingServiceOf("+14155550100")))
            else {
                Issue.record("each request is refused with its reason")
                return
            }

            let application = try await fixture.connector.sandboxPost("/api/2010-04-01/Accounts/\(fixture.connector.sandbox.configuration.accountSID)/Applications.json",
                                                                      form: [("FriendlyName", "IVR"), ("VoiceUrl", fixture.echoURL)])
            try await fixture.configure("+14155550100", .init(voiceApplicationSid: try #require(application["sid"]?.scalarText)))
            guard case .handledElsewhere? = await fixture.refusal(.init(trigger: "callStatus", target: .number("+14155550100"))) else {
                Issue.record("an Application's StatusCallback is used, not the number's")
                return
            }
            #expect(try await fixture.store.registrations().isEmpty)
        }
        try await RegistrarFixture.with(base: nil) { fixture in
            guard case .noPublicURL? = await fixture.refusal(.init(trigger: "newSms", target: .number("+14155550100"))) else {
                Issue.record("Twilio needs a public URL")
                return
            }
        }
    }

    @Test func anUnregisterOfAnUnknownRegistrationSaysSo() async throws {
        try await RegistrarFixture.with { fixture in
            await #expect(throws: RegistrationError.self) { try await fixture.registrar.unregister(id: "reg_unknown") }
            await #expect(throws: RegistrationError.self) { try await fixture.registrar.registration(of: "newSms", at: .number("+14155550100")) }
            let registration = try await fixture.registrar.register(.init(trigger: "newSms", target: .number("+14155550100")))
            #expect(try await fixture.registrar.registration(of: "new_sms", at: .number("+14155550100")) == registration)
        }
    }
}
