import Foundation
import Testing
@testable import TwilioKit

@Suite("Calls against the OpenAPI spec")
struct CallsContractTests {
    let harness = ContractHarness()
    let callSid = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

    private func form(of request: TwilioHTTPRequest) -> FormParameters {
        FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
    }

    @Test func createWithEveryParameter() async throws {
        let everything = CallCreateParameters(
            to: "+14155550100", from: "+14155550199", instructions: .url("https://example.com/twiml?a=1&b=2", method: .get),
            fallbackURL: "https://example.com/fallback", fallbackMethod: .post,
            statusCallback: "https://example.com/status", statusCallbackEvents: [.initiated, .ringing, .answered, .completed],
            statusCallbackMethod: .get, sendDigits: "W1234#", timeout: 15, record: true, recordingChannels: .dual,
            recordingStatusCallback: "https://example.com/recording", recordingStatusCallbackMethod: .get,
            sipAuthUsername: "alice", sipAuthPassword: "s3cret", machineDetection: .detectMessageEnd, machineDetectionTimeout: 20,
            recordingStatusCallbackEvents: [.inProgress, .completed, .absent], trim: .doNotTrim, callerID: "+14155550198",
            machineDetectionSpeechThreshold: 2400, machineDetectionSpeechEndThreshold: 1200, machineDetectionSilenceTimeout: 5000,
            asyncAMD: true, asyncAMDStatusCallback: "https://example.com/amd", asyncAMDStatusCallbackMethod: .post,
            byoc: "BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", callReason: "Your appointment", callToken: "token-123",
            recordingTrack: .inbound, timeLimit: 3600, clientNotificationURL: "https://example.com/push")
        let urlRequest = try await harness.check("CreateCall") { client in
            let call = try await client.calls.create(everything)
            #expect(call.sid == callSid)
            #expect(call.status == .completed)
        }
        var twiml = everything
        twiml.instructions = .twiml("<Response><Say>Hi &amp; bye</Say></Response>")
        let twimlRequest = try await harness.check("CreateCall") { _ = try await $0.calls.create(twiml) }
        let application = try await harness.check("CreateCall") { client in
            _ = try await client.calls.create(.init(to: "client:alice", from: "+14155550199", instructions: .application(sid: "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")))
        }

        let urlForm = form(of: urlRequest)
        let operation = try #require(try OpenAPISpec.load(.api).operation(id: "CreateCall"))
        let sent = [urlRequest, twimlRequest, application].reduce(into: Set<String>()) { $0.formUnion(form(of: $1).items.map(\.name)) }
        #expect(sent == operation.formParameters, "every CreateCall parameter is settable")
        #expect(urlForm.values("Url") == ["https://example.com/twiml?a=1&b=2"])
        #expect(urlForm.values("Method") == ["GET"])
        #expect(urlForm.values("Twiml").isEmpty && urlForm.values("ApplicationSid").isEmpty)
        #expect(urlForm.values("StatusCallbackEvent") == ["initiated", "ringing", "answered", "completed"])
        #expect(urlForm.values("RecordingStatusCallbackEvent") == ["in-progress", "completed", "absent"])
        #expect(urlForm.values("SendDigits") == ["W1234#"])
        #expect(urlForm.values("Record") == ["true"])
        #expect(urlForm.values("AsyncAmd") == ["true"])
        #expect(urlForm.values("MachineDetection") == ["DetectMessageEnd"])
        #expect(urlForm.values("Trim") == ["do-not-trim"])
        #expect(form(of: twimlRequest).values("Twiml") == ["<Response><Say>Hi &amp; bye</Say></Response>"])
        #expect(form(of: twimlRequest).values("Url").isEmpty && form(of: twimlRequest).values("Method").isEmpty)
        #expect(form(of: application).items.map(\.name) == ["To", "From", "ApplicationSid"])
    }

    @Test func fetchUpdateDelete() async throws {
        try await harness.check("FetchCall") { client in
            let call = try await client.calls.fetch(callSid)
            #expect(call.direction == .outboundAPI)
        }
        let everything = CallUpdateParameters(
            redirect: .url("https://example.com/next", method: .get), status: .completed,
            fallbackURL: "https://example.com/fallback", fallbackMethod: .get,
            statusCallback: "https://example.com/status", statusCallbackMethod: .get, timeLimit: 600)
        let urlUpdate = try await harness.check("UpdateCall") { _ = try await $0.calls.update(callSid, everything) }
        let twimlUpdate = try await harness.check("UpdateCall") {
            _ = try await $0.calls.update(callSid, .init(redirect: .twiml("<Response><Hangup/></Response>")))
        }
        let operation = try #require(try OpenAPISpec.load(.api).operation(id: "UpdateCall"))
        let sent = Set(form(of: urlUpdate).items.map(\.name)).union(form(of: twimlUpdate).items.map(\.name))
        #expect(sent == operation.formParameters, "every UpdateCall parameter is settable")
        #expect(form(of: urlUpdate).values("Url") == ["https://example.com/next"])
        #expect(form(of: twimlUpdate).items.map(\.name) == ["Twiml"])

        let hangUp = try await harness.check("UpdateCall") { _ = try await $0.calls.hangUp(callSid) }
        #expect(hangUp.body.map { String(decoding: $0, as: UTF8.self) } == "Status=completed")
        let cancel = try await harness.check("UpdateCall") { client in
            let call = try await client.calls.cancel(callSid)
            #expect(call.sid != nil)
        }
        #expect(cancel.body.map { String(decoding: $0, as: UTF8.self) } == "Status=canceled")
        let delete = try await harness.check("DeleteCall") { try await $0.calls.delete(callSid) }
        #expect(delete.url == "\(SpecExampleTransport.origin)/api/2010-04-01/Accounts/\(ContractHarness.accountSID)/Calls/\(callSid).json")
    }

    @Test func listWithEveryFilter() async throws {
        let start = try #require(TwilioDateFormat.date(from: "2024-05-01"))
        let end = try #require(TwilioDateFormat.date(from: "2024-05-02T12:30:00Z"))
        let filter = CallListFilter(
            to: "+14155550100", from: "+14155550199", parentCallSid: "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", status: .noAnswer,
            startTime: .after(start), endTime: .before(end, precision: .time), pageSize: 50)
        let request = try await harness.check("ListCall") { client in
            _ = try await client.calls.list(filter, limit: 20).firstPageOnly()
        }
        #expect(request.url.contains("StartTime%3E=2024-05-01"))
        #expect(request.url.contains("EndTime%3C=2024-05-02T12%3A30%3A00Z"))
        #expect(request.url.contains("Status=no-answer"))
        #expect(request.url.contains("ParentCallSid=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))
        #expect(request.url.contains("PageSize=50"))
        #expect(!request.url.contains("PageSize=20"), "an explicit page size wins over the limit")

        let onDays = try await harness.check("ListCall") { client in
            _ = try await client.calls.list(.init(startTime: .on(start), endTime: .on(end))).firstPageOnly()
        }
        #expect(onDays.url.hasSuffix("Calls.json?StartTime=2024-05-01&EndTime=2024-05-02"))
        let reversed = try await harness.check("ListCall") { client in
            _ = try await client.calls.list(.init(startTime: .before(start), endTime: .after(end))).firstPageOnly()
        }

        let operation = try #require(try OpenAPISpec.load(.api).operation(id: "ListCall"))
        let names = [request, onDays, reversed].reduce(into: Set<String>()) { names, sent in
            names.formUnion(FormParameters.decode(sent.url.split(separator: "?").last ?? "").items.map(\.name))
        }
        #expect(names == operation.queryParameters.subtracting(["Page", "PageToken"]), "every ListCall filter is settable")
    }

    @Test func modelsDecodeEveryExample() throws {
        for operation in ["CreateCall", "FetchCall", "UpdateCall"] {
            try ContractHarness.decodeExamples(operation, in: .api, as: Call.self)
        }
        let lists = try ContractHarness.decodeListExamples("ListCall", in: .api, of: Call.self)
        #expect(lists == 5)
        let full = try #require(try OpenAPISpec.load(.api).operation(id: "ListCall")?.responseExamples.first { $0.name == "readFullPage1" })
        let calls = try TwilioJSON.decoder.decode(PageEnvelope<Call>.self, from: full.json).items
        #expect(calls.map(\.direction) == [.outboundAPI, .inbound])
        #expect(calls.map(\.answeredBy) == ["machine_start", "human"])
    }

    @Test func decodedValuesKeepTwilioForms() throws {
        let example = try #require(try OpenAPISpec.load(.api).operation(id: "FetchCall")?.responseExamples.first)
        let call = try TwilioJSON.decoder.decode(Call.self, from: example.json)
        #expect(call.sid == callSid)
        #expect(call.parentCallSid == "CAdeadbeefdeadbeefdeadbeefdeadbeef")
        #expect(call.status == .completed)
        #expect(call.direction == .outboundAPI)
        #expect(call.answeredBy == "machine_start")
        #expect(call.duration == "4")
        #expect(call.durationSeconds == 4)
        #expect(call.price == "-0.200")
        #expect(call.priceAmount == Decimal(string: "-0.2"))
        #expect(call.queueTimeMilliseconds == 1000)
        #expect(call.fromFormatted == "(305) 141-6799")
        #expect(call.groupSid == "GPdeadbeefdeadbeefdeadbeefdeadbeef")
        #expect(call.trunkSid == "TKdeadbeefdeadbeefdeadbeefdeadbeef")
        #expect(call.startTime == TwilioDateFormat.date(from: "2019-10-18T17:02:00Z"))
        #expect(call.endTime == TwilioDateFormat.date(from: "2019-10-18T17:03:00Z"))
        #expect(call.subresourceUris?["recordings"]?.hasSuffix("/Calls/\(callSid)/Recordings.json") == true)
    }

    @Test func unknownEnumValuesDoNotBreakDecoding() throws {
        let json = Data(#"{"sid":"CA1","status":"teleporting","direction":"outbound-quantum"}"#.utf8)
        let call = try TwilioJSON.decoder.decode(Call.self, from: json)
        #expect(call.status == .unknown)
        #expect(call.direction == .unknown)
        let trunking = try TwilioJSON.decoder.decode(Call.self, from: Data(#"{"direction":"trunking-originating"}"#.utf8))
        #expect(trunking.direction == .trunkingOriginating)
    }

    @Test func enumsMatchTheSpec() throws {
        let spec = try OpenAPISpec.load(.api)
        let schemas = (spec.document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let status = (schemas?["call_enum_status"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(try #require(status)) == Set(CallStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)))
        let create = try #require(spec.operation(id: "CreateCall"))
        for method in ["Method", "FallbackMethod", "StatusCallbackMethod"] {
            #expect(create.formParameterSchema(method)["enum"] as? [String] == ["GET", "POST"])
        }
    }
}
