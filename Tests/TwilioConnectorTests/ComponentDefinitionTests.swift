import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("The component definition and the component dialect's catalogue")
struct ComponentDefinitionTests {
    static let catalogue = [
        "sendSMS", "sendMMS", "sendWhatsAppMessage", "makeCall", "getCall", "listCalls", "deleteCall", "getMessage", "listMessages",
        "deleteMessage", "listMessageMedia", "downloadRecordingMedia", "lookupPhoneNumber", "sendVerification", "checkVerification",
        "createVerificationService", "listTranscripts", "getTranscripts", "listPhoneNumbers", "customRequest",
    ]

    let connector = Connector(configuration: nil)

    var definition: [String: JSONValue] { connector.componentDefinition().objectFields ?? [:] }

    var actions: [String: [String: JSONValue]] {
        Dictionary(uniqueKeysWithValues: (definition.array("actions") ?? []).compactMap(\.objectFields).map { ($0.text("name") ?? "", $0) })
    }

    @Test func headerAndBasicAuthConnection() {
        #expect(definition.text("name") == "twilio")
        #expect(definition.text("title") == "Twilio")
        #expect(definition.text("type") == "twilio/v1")
        let properties = (definition.object("connection")?.array("properties") ?? []).compactMap(\.objectFields)
        #expect(properties.map { $0.text("name") } == ["username", "password"])
        #expect(properties.map { $0.text("label") } == ["Account SID", "Auth Token"])
        #expect(properties.allSatisfy { $0.text("type") == "STRING" && $0.flag("required") == true })
    }

    @Test func everyCatalogueActionIsThereInTheSeedsShape() throws {
        #expect(Set(Self.catalogue).isSubset(of: Set(actions.keys)))
        for (name, action) in actions {
            #expect(action.text("type") == "twilio/v1/\(name)")
            #expect(action.text("label")?.isEmpty == false)
            let parameters = try #require(action.object("parameters"))
            let properties = (action.array("properties") ?? []).compactMap(\.objectFields)
            #expect(Set(parameters.keys) == Set(properties.compactMap { $0.text("name") }), "\(name): one example value per property")
            #expect(action.object("output")?.object("properties") != nil, "\(name) documents its output")
        }
    }

    @Test func exampleValuesFollowTheSeeds() throws {
        let whatsApp = try #require(actions["sendWhatsAppMessage"]?.object("parameters"))
        #expect(whatsApp["To"] == "")
        #expect(whatsApp["useTemplate"] == false)
        #expect(whatsApp["ContentVariables"] == [:])
        #expect(whatsApp["MediaUrl"] == [])
        let call = try #require(actions["makeCall"])
        #expect(call.object("parameters")?["Timeout"] == 1)
        let timeout = (call.array("properties") ?? []).compactMap(\.objectFields).first { $0.text("name") == "Timeout" }
        #expect(timeout?.text("type") == "INTEGER")
        #expect(timeout?.text("label") == "Timeout")
        let output = try #require(call.object("output")?.object("properties"))
        for field in ["callSid", "status", "duration", "direction"] { #expect(output[field] != nil, "makeCall outputs \(field)") }
        #expect(output.object("duration")?["type"] == ["integer", "null"])
        let verification = (actions["sendVerification"]?.array("properties") ?? []).compactMap(\.objectFields)
        let channel = try #require(verification.first { $0.text("name") == "Channel" })
        #expect(channel.array("options") == ["sms", "call", "email", "whatsapp"])
        #expect(channel["defaultValue"] == "sms")
        let sms = (actions["sendSMS"]?.array("properties") ?? []).compactMap(\.objectFields)
        #expect(sms.first { $0.text("name") == "MessagingServiceSid" }?.text("label") == "Messaging Service Sid")
    }

    @Test func triggersAreListedInTheSeedsShape() throws {
        let triggers = (definition.array("triggers") ?? []).compactMap(\.objectFields)
        #expect(triggers.compactMap { $0.text("name") } == TriggerCatalogue.all.map(\.name))
        let inbound = try #require(triggers.first { $0.text("name") == "inboundCall" })
        #expect(inbound.text("label") == "Inbound Voice Call")
        #expect(inbound.text("type") == "twilio/v1/inboundCall")
        #expect(inbound.text("triggerType") == "STATIC_WEBHOOK")
        #expect(inbound.object("parameters")?["subWorkflow"] == "")
        let subWorkflow = (inbound.array("properties") ?? []).compactMap(\.objectFields).first { $0.text("name") == "subWorkflow" }
        #expect(subWorkflow?.flag("required") == true)
        #expect(inbound.object("output")?.object("properties")?["callStatus"] != nil)
    }

    @Test func datesAreTheSeedsObjectOfDateTimeAndZone() throws {
        let sms = try #require(actions["sendSMS"])
        #expect(sms.object("parameters")?["SendAt"] == ["dateTime": "2021-01-01T00:00:00", "zoneId": ""])
        let sendAt = try #require((sms.array("properties") ?? []).compactMap(\.objectFields).first { $0.text("name") == "SendAt" })
        #expect(sendAt.text("type") == "OBJECT")
        #expect(sendAt.array("properties") == [["name": "dateTime", "type": "DATE_TIME"], ["name": "zoneId", "type": "STRING"]])
        let account = (sms.array("properties") ?? []).compactMap(\.objectFields).first { $0.text("name") == "AccountSid" }
        #expect(account?.text("label") == "Account Sid" && account?.flag("required") == false)
    }

    @Test func everyComponentExampleUsesOnlyItsOwnParameters() throws {
        for action in connector.actions(in: .component) {
            let known = Set(action.inputSchema.objectFields?.object("properties")?.keys ?? [:].keys)
            let given = Set(action.example.objectFields?.keys ?? [:].keys)
            #expect(given.isSubset(of: known), "\(action.name): \(given.subtracting(known))")
        }
        #expect(connector.describe("twilio/v1/makeCall")?.inputSchema.objectFields?.array("required") == ["To", "From"])
    }
}
