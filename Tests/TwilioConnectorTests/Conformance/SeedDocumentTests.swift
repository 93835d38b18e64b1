import Foundation
import Testing
import TwilioKit

/// The seed parsers find what the documents hold: a parser that silently found nothing would make
/// every conformance test pass vacuously.
@Suite("Seed documents are read completely")
struct SeedDocumentTests {
    /// Actions and triggers per seed, as the documents list them today.
    @Test func everySeedYieldsItsActionsAndTriggers() {
        func count(_ seed: String, _ kind: SeedEntry.Kind) -> Int {
            SeedDocuments.entries.filter { $0.seed.hasPrefix(seed) && $0.kind == kind }.count
        }
        #expect(SeedDocuments.files.count == 5)
        #expect(count("000", .action) == 9)
        #expect(count("001", .action) == 17)
        #expect(count("002", .action) == 3)
        #expect(count("002", .trigger) == 2)
        #expect(count("003", .action) == 1)
        #expect(count("004", .action) == 1)
        for file in SeedDocuments.files {
            #expect(SeedDocuments.entries.contains { $0.seed == file.name }, "\(file.name) yields nothing")
        }
    }

    @Test(arguments: SeedDocuments.entries)
    func everyEntryIsReadWhole(_ entry: SeedEntry) {
        #expect(entry.unreadable.isEmpty, "unknown types: \(entry.unreadable)")
        switch entry.dialect {
        case .toolkit:
            #expect(entry.responseSchema?.objectFields?["properties"] != nil)
        case .component, .block:
            #expect(!entry.outputs.isEmpty || entry.dynamicOutput, "no output table")
            #expect(entry.parameters.allSatisfy { !$0.name.isEmpty && !$0.name.contains(" ") })
        }
    }

    @Test func theReferenceSeedsLabelsBecomeTwilioNamesAndTypes() throws {
        let sms = try #require(SeedDocuments.entries.first { $0.seed.hasPrefix("004") })
        let types = Dictionary(uniqueKeysWithValues: sms.parameters.map { ($0.name, $0.type) })
        #expect(types["AccountSid"] == .string)
        #expect(types["Source"] == .integer)
        #expect(types["Content"] == .integer)
        #expect(types["MaxPrice"] == .number)
        #expect(types["MediaUrl"] == .array(.string))
        #expect(types["SendAt"] == .object([.init(name: "dateTime", type: .dateTime), .init(name: "zoneId", type: .string)]))
        #expect(sms.parameters.count == 26)
        #expect(sms.outputs.count == 20 && sms.outputs.allSatisfy { $0.name == nil })
    }

    @Test func componentTablesAndExamplesAreRead() throws {
        let call = try #require(SeedDocuments.entries.first { $0.seed.hasPrefix("002") && $0.name == "makeCall" })
        #expect(call.parameters.map(\.name) == ["To", "From", "subWorkflow", "timeout", "maxDuration"])
        #expect(call.parameters.map(\.required) == [true, true, true, false, false])
        #expect(call.exampleParameters["timeout"] == 1)
        #expect(call.outputs.first { $0.name == "duration" }?.type == .integer)
        let sms = try #require(SeedDocuments.entries.first { $0.seed.hasPrefix("003") })
        #expect(sms.outputs.first { $0.name == "from" }?.type == .object([.init(name: "rawNumber", type: .string)]))
        #expect(sms.outputs.first { $0.name == "subresourceUris" }?.type == .object([]))
        let whatsApp = try #require(SeedDocuments.entries.first { $0.name == "newWhatsappMessage" })
        #expect(whatsApp.dynamicOutput && whatsApp.kind == .trigger)
    }

    @Test func blockTablesGiveRequiredParametersAndOutputs() throws {
        let sms = try #require(SeedDocuments.entries(.block).first)
        #expect(sms.parameters.map(\.name) == ["phoneNumbers", "message", "accountSid", "authToken", "fromNumber"])
        #expect(sms.parameters.allSatisfy { $0.required == true })
        #expect(sms.outputs.map(\.name) == ["success", "messageId", "status", "fromNumber", "toNumber"])
        let lookup = try #require(SeedDocuments.entries(.block).first { $0.parameters.contains { $0.name == "countryCode" } })
        #expect(lookup.outputs.first { $0.name == "carrier" }?.type == .json)
    }
}
