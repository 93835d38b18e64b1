import Foundation
import Testing
import TwilioConnector
import TwilioKit

/// Every trigger of the component seeds (002), held to its document: the catalogue has it with the
/// documented parameters (names, types, required), the component definition lists it in the seed's
/// shape (label, name, type, parameters), and an event made from the webhook the sandbox sends has
/// every documented output in its documented type.
@Suite("Component seed triggers against the catalogue", .serialized)
struct TriggerConformanceTests {
    static let entries = SeedDocuments.entries(.component, .trigger)

    private func trigger(_ entry: SeedEntry) throws -> TriggerDefinition {
        try #require(entry.name.flatMap(TriggerCatalogue.trigger(named:)), "the catalogue has no trigger \(entry.name ?? entry.title)")
    }

    @Test(arguments: entries)
    func documentedParametersAndOutputsAreDeclared(_ entry: SeedEntry) throws {
        let trigger = try trigger(entry)
        for parameter in entry.parameters {
            let spec = try #require(trigger.parameters.first { $0.name == parameter.name }, "\(trigger.name) lacks \(parameter.name)")
            #expect(JSONSchemaValidator(root: spec.schema).errors(in: SeedValues.shaped("echo", as: parameter.type)).isEmpty)
            if let required = parameter.required { #expect(spec.required == required, "\(parameter.name) required: \(required)") }
        }
        let declared = trigger.outputSchema(in: .component).objectFields?["properties"]?.objectFields ?? [:]
        for field in entry.outputs {
            let name = try #require(field.name)
            let property = try #require(declared[name], "\(trigger.name) does not output \(name)")
            #expect(Self.admits(property, field.type), "\(name) is declared \(property.compactText), the seed says \(field.type)")
        }
    }

    @Test(arguments: entries)
    func theComponentDefinitionListsItInTheSeedsShape(_ entry: SeedEntry) throws {
        let definition = SeedActionResolver.connector.componentDefinition().objectFields?["triggers"]
        guard case .array(let triggers)? = definition else { Issue.record("the component definition lists no triggers"); return }
        let listed = try #require(triggers.compactMap(\.objectFields).first { $0.text("name") == entry.name })
        let example = try #require(entry.example?.objectFields)
        #expect(listed["label"] == example["label"])
        #expect(listed["type"] == example["type"])
        let parameters = Set(listed.object("parameters")?.keys.map { $0 } ?? [])
        #expect(Set(entry.exampleParameters.keys).isSubset(of: parameters))
        #expect(listed.text("triggerType") == "STATIC_WEBHOOK")
        #expect(listed.object("output")?.object("properties") != nil)
    }

    @Test func anInboundCallFromTheSandboxBecomesAnEventWithTheDocumentedOutputs() async throws {
        let entry = try #require(Self.entries.first { $0.name == "inboundCall" })
        let trigger = try trigger(entry)
        try await ConnectorFixture.with { fixture in
            let webhook = try await Self.webhook(from: fixture, number: SeedWorld.sender, url: \.voiceURL) {
                try await fixture.sandboxForm(.post, "/sandbox/handsets/+14155550123/calls", form: [("To", SeedWorld.sender)])
            }
            let receipt = try trigger.receive(webhook, settings: ["subWorkflow": "echo"], idempotencyToken: nil, receivedAt: Date()).get()
            #expect(receipt.answer == .stream(workflow: "echo"))
            let data = try #require(receipt.event?.data.objectFields)
            for field in entry.outputs {
                let name = try #require(field.name)
                let value = try #require(data[name], "the event lacks \(name)")
                #expect(value != .null, "\(name) is empty")
                #expect(field.type.problem(with: value, at: name) == nil)
            }
        }
    }

    @Test func anInboundWhatsAppMessageFromTheSandboxBecomesAnEvent() async throws {
        let entry = try #require(Self.entries.first { $0.name == "newWhatsappMessage" })
        let trigger = try trigger(entry)
        try await ConnectorFixture.with { fixture in
            let webhook = try await Self.webhook(from: fixture, number: SeedWorld.sender, url: \.smsURL) {
                try await fixture.sandboxForm(.post, "/sandbox/handsets/whatsapp:+14155550123/messages",
                                              form: [("To", SeedWorld.sender), ("Body", "Yes please")])
            }
            let receipt = try trigger.receive(webhook, settings: [:], idempotencyToken: nil, receivedAt: Date()).get()
            let event = try #require(receipt.event)
            #expect(event.trigger == trigger.name)
            #expect(event.data.objectFields?.text("body") == "Yes please")
        }
    }

    /// The parameters of the webhook the sandbox sends to `number`'s `url` (pointed at its echo
    /// twimlet) when `act` makes a handset call or text it.
    private static func webhook(from fixture: ConnectorFixture, number: String,
                                url: WritableKeyPath<IncomingPhoneNumberUpdateParameters, String?>,
                                act: () async throws -> Int) async throws -> WebhookParameters {
        let owned = try #require(try await fixture.client.incomingPhoneNumbers.list().collect().first { $0.phoneNumber == number }?.sid)
        var update = IncomingPhoneNumberUpdateParameters()
        update[keyPath: url] = fixture.sandbox.baseURL + "/twimlets/echo?Twiml=%3CResponse%2F%3E"
        _ = try await fixture.client.incomingPhoneNumbers.update(owned, update)
        #expect((200..<300).contains(try await act()))
        for _ in 0..<250 {
            let deliveries = (try await fixture.sandboxJSON("/sandbox/webhooks").array("webhooks") ?? []).compactMap(\.objectFields)
            if let parameters = deliveries.first(where: { $0.text("url")?.contains("/twimlets/echo") == true })?.object("parameters") {
                return WebhookParameters(parameters.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value.scalarText ?? "") })
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw SeedWorld.Failure(description: "the sandbox sent no webhook to \(number)")
    }

    /// Whether a declared output property (`{"type": ["string", "null"]}`) has the seed's type.
    private static func admits(_ property: JSONValue, _ type: SeedType) -> Bool {
        let sample: JSONValue = switch type {
        case .string, .dateTime, .json: "text"
        case .integer, .number: 1
        case .boolean: true
        case .array: []
        case .object: [:]
        }
        return JSONSchemaValidator(root: property).errors(in: sample).isEmpty
    }
}
