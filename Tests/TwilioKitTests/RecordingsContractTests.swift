import Foundation
import Testing
@testable import TwilioKit

/// Answers every request with fixed audio bytes and records what it was sent.
private final class RecordingMediaTransport: TwilioHTTPTransport, @unchecked Sendable {
    let status: Int
    let contentType: String
    let bytes: [UInt8]
    private let lock = NSLock()
    private var recorded: [TwilioHTTPRequest] = []

    init(status: Int = 200, contentType: String, bytes: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.bytes = bytes
    }

    var requests: [TwilioHTTPRequest] { lock.withLock { recorded } }

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        lock.withLock { recorded.append(request) }
        return TwilioHTTPResponse(status: status, headers: [(name: "Content-Type", value: contentType)], body: bytes)
    }
}

@Suite("Recordings against the OpenAPI spec")
struct RecordingsContractTests {
    let harness = ContractHarness()
    let recordingSid = "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    let callSid = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

    private func client(_ transport: RecordingMediaTransport, endpoint: TwilioEndpoint = .baseURL("https://media.test")) -> TwilioClient {
        TwilioClient(
            configuration: .init(credentials: .authToken(accountSID: ContractHarness.accountSID, authToken: "media-token"),
                                 endpoint: endpoint, retryPolicy: .never),
            transport: transport)
    }

    @Test func fetchAndDelete() async throws {
        let plain = try await harness.check("FetchRecording") { client in
            let recording = try await client.recordings.fetch(recordingSid)
            #expect(recording.sid == recordingSid)
        }
        #expect(!plain.url.contains("?"))
        let softDeleted = try await harness.check("FetchRecording") { _ = try await $0.recordings.fetch(recordingSid, includeSoftDeleted: true) }
        #expect(softDeleted.url.hasSuffix("/Recordings/\(recordingSid).json?IncludeSoftDeleted=true"))
        let delete = try await harness.check("DeleteRecording") { try await $0.recordings.delete(recordingSid) }
        #expect(delete.method == .delete)
    }

    @Test func listWithEveryFilter() async throws {
        let day = try #require(TwilioDateFormat.date(from: "2024-05-01"))
        let filter = RecordingListFilter(dateCreated: .after(day), callSid: callSid, conferenceSid: "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                         includeSoftDeleted: true, pageSize: 25)
        let request = try await harness.check("ListRecording") { client in
            _ = try await client.recordings.list(filter).firstPageOnly()
        }
        #expect(request.url.contains("DateCreated%3E=2024-05-01"))
        #expect(request.url.contains("CallSid=\(callSid)"))
        #expect(request.url.contains("IncludeSoftDeleted=true"))
        let on = try await harness.check("ListRecording") { _ = try await $0.recordings.list(.init(dateCreated: .on(day))).firstPageOnly() }
        let before = try await harness.check("ListRecording") { client in
            _ = try await client.recordings.list(.init(dateCreated: .before(day, precision: .time)), limit: 5).firstPageOnly()
        }
        #expect(before.url.hasSuffix("Recordings.json?DateCreated%3C=2024-05-01T00%3A00%3A00Z&PageSize=5"))

        let operation = try #require(try OpenAPISpec.load(.api).operation(id: "ListRecording"))
        let names = [request, on, before].reduce(into: Set<String>()) { names, sent in
            names.formUnion(FormParameters.decode(sent.url.split(separator: "?").last ?? "").items.map(\.name))
        }
        #expect(names == operation.queryParameters.subtracting(["Page", "PageToken"]), "every ListRecording filter is settable")
    }

    @Test func listOneCallsRecordings() async throws {
        let moment = try #require(TwilioDateFormat.date(from: "2024-05-01T18:45:00Z"))
        let after = try await harness.check("ListCallRecording") { client in
            _ = try await client.recordings.list(forCall: callSid, .init(dateCreated: .after(moment, precision: .time), pageSize: 10)).firstPageOnly()
        }
        #expect(after.url.hasSuffix("/Calls/\(callSid)/Recordings.json?DateCreated%3E=2024-05-01&PageSize=10"),
                "ListCallRecording takes days, so the time is dropped")
        let on = try await harness.check("ListCallRecording") { _ = try await $0.recordings.list(forCall: callSid, .init(dateCreated: .on(moment))).firstPageOnly() }
        let before = try await harness.check("ListCallRecording") { _ = try await $0.recordings.list(forCall: callSid, .init(dateCreated: .before(moment))).firstPageOnly() }

        let operation = try #require(try OpenAPISpec.load(.api).operation(id: "ListCallRecording"))
        let names = [after, on, before].reduce(into: Set<String>()) { names, sent in
            names.formUnion(FormParameters.decode(sent.url.split(separator: "?").last ?? "").items.map(\.name))
        }
        #expect(names == operation.queryParameters.subtracting(["Page", "PageToken"]), "every ListCallRecording filter is settable")
    }

    @Test func modelsDecodeEveryExample() throws {
        try ContractHarness.decodeExamples("FetchRecording", in: .api, as: Recording.self)
        try ContractHarness.decodeListExamples("ListRecording", in: .api, of: Recording.self)
        try ContractHarness.decodeListExamples("ListCallRecording", in: .api, of: CallRecording.self)
    }

    @Test func decodedValuesKeepTwilioForms() throws {
        let spec = try OpenAPISpec.load(.api)
        let fetch = try #require(spec.operation(id: "FetchRecording")?.responseExamples.first { $0.name == "fetch" })
        let recording = try TwilioJSON.decoder.decode(Recording.self, from: fetch.json)
        #expect(recording.price == "-0.00250")
        #expect(recording.priceAmount == Decimal(string: "-0.0025"))
        #expect(recording.durationSeconds == 4)
        #expect(recording.channels == 1)
        #expect(recording.source == .startConferenceRecordingAPI)
        #expect(recording.conferenceSid == "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        #expect(recording.errorCode == nil)
        #expect(recording.mediaUrl?.hasSuffix("/Recordings/\(recordingSid)") == true)
        #expect(recording.subresourceUris?["transcriptions"]?.hasSuffix("/Transcriptions.json") == true)
        #expect(recording.dateCreated == TwilioDateFormat.date(from: "2016-10-14T21:56:34Z"))
        guard case .object(let details)? = recording.encryptionDetails else {
                Issue.record("encryption_details is not an object: \(String(describing: recording.encryptionDetails))")
            return
        }
        #expect(details["encryption_public_key_sid"] == .string("CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        #expect(details["encryption_iv"] == .string("8I2hhNIYNTrwxfHk"))

        let softDeleted = try #require(spec.operation(id: "FetchRecording")?.responseExamples.first { $0.name == "fetchIncludeSoftDeleted" })
        let deleted = try TwilioJSON.decoder.decode(Recording.self, from: softDeleted.json)
        #expect(deleted.status == .deleted)
        #expect(deleted.dateCreated == TwilioDateFormat.date(from: "2022-02-14T21:23:00Z"), "+0100 is honoured")

        let callList = try #require(spec.operation(id: "ListCallRecording")?.responseExamples.first { $0.name == "readFull" })
        let callRecording = try #require(try TwilioJSON.decoder.decode(PageEnvelope<CallRecording>.self, from: callList.json).items.first)
        #expect(callRecording.track == "both")
        #expect(callRecording.source == .startCallRecordingAPI)
        #expect(callRecording.channels == 2)
        #expect(callRecording.conferenceSid == nil)
        #expect(callRecording.priceAmount == Decimal(string: "-0.0025"))
    }

    @Test func callRecordingPriceIsAStringOrANumber() throws {
        let asString = try TwilioJSON.decoder.decode(CallRecording.self, from: Data(#"{"price":"-0.0025","channels":2}"#.utf8))
        #expect(asString.price == "-0.0025")
        #expect(asString.priceAmount == Decimal(string: "-0.0025"))
        let asNumber = try TwilioJSON.decoder.decode(CallRecording.self, from: Data(#"{"price":-0.0025,"status":"absent","error_code":13617}"#.utf8))
        #expect(asNumber.priceAmount == Decimal(string: "-0.0025"))
        #expect(asNumber.status == .absent)
        #expect(asNumber.errorCode == 13617)
        let missing = try TwilioJSON.decoder.decode(CallRecording.self, from: Data(#"{"price":null,"source":"SomethingNew"}"#.utf8))
        #expect(missing.price == nil)
        #expect(missing.source == .unknown)
    }

    @Test func mediaURLs() {
        let transport = RecordingMediaTransport(contentType: "audio/x-wav", bytes: [])
        let twilio = client(transport, endpoint: .twilio()).recordings
        #expect(twilio.mediaURL(recordingSid, format: .wav)
                == "https://api.twilio.com/2010-04-01/Accounts/\(ContractHarness.accountSID)/Recordings/\(recordingSid).wav")
        #expect(twilio.mediaURL(recordingSid, format: .mp3)
                == "https://api.twilio.com/2010-04-01/Accounts/\(ContractHarness.accountSID)/Recordings/\(recordingSid).mp3")
        let regional = client(transport, endpoint: .twilio(region: "ie1", edge: "dublin")).recordings
        #expect(regional.mediaURL(recordingSid, format: .mp3).hasPrefix("https://api.dublin.ie1.twilio.com/2010-04-01/"))
        #expect(transport.requests.isEmpty, "building a URL sends nothing")
    }

    @Test(arguments: [(RecordingFormat.wav, "audio/x-wav"), (RecordingFormat.mp3, "audio/mpeg")])
    func download(format: RecordingFormat, contentType: String) async throws {
        let audio: [UInt8] = [0x52, 0x49, 0x46, 0x46, 0x00, 0xFF, 0x10, 0x80]
        let transport = RecordingMediaTransport(contentType: contentType, bytes: audio)
        let media = try await client(transport).recordings.download(recordingSid, format: format)
        #expect(media.bytes == audio)
        #expect(media.contentType == contentType)

        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(request.method == .get)
        #expect(request.url == "https://media.test/api/2010-04-01/Accounts/\(ContractHarness.accountSID)/Recordings/\(recordingSid).\(format.rawValue)")
        #expect(request.url == client(transport).recordings.mediaURL(recordingSid, format: format))
        let expectedAuthorization = "Basic " + Data("\(ContractHarness.accountSID):media-token".utf8).base64EncodedString()
        #expect(request.header("Authorization") == expectedAuthorization)
        #expect(request.body == nil)
    }

    @Test func downloadOfAMissingRecordingThrows() async throws {
        let body = Array(#"{"code":20404,"message":"The requested resource was not found","status":404}"#.utf8)
        let transport = RecordingMediaTransport(status: 404, contentType: "application/json", bytes: body)
        do {
            _ = try await client(transport).recordings.download(recordingSid, format: .mp3)
            Issue.record("a 404 was returned as media")
        } catch {
            #expect(error.kind == .refused)
            #expect(error.httpStatus == 404)
            #expect(error.code == 20404)
            #expect(error.path.hasSuffix("/Recordings/\(recordingSid).mp3"))
        }
    }
}
