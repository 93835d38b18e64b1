import Foundation
import Testing
@testable import TwilioKit

@Suite("Voice Intelligence v2 against the OpenAPI spec")
struct IntelligenceContractTests {
    let harness = ContractHarness()
    let transcriptSid = "GTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

    @Test func listTranscriptsWithEveryFilter() async throws {
        let instant = try #require(TwilioDateFormat.date(from: "2019-11-22T23:46:00Z"))
        let filter = TranscriptListFilter(
            serviceSid: "GAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", beforeStartTime: instant, afterStartTime: instant,
            beforeDateCreated: instant, afterDateCreated: instant, status: .inProgress, languageCode: "en-US",
            sourceSid: "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", pageSize: 50)
        let request = try await harness.check("ListTranscript") { client in
            let page = try await client.intelligence.listTranscripts(filter).firstPageOnly()
            #expect(page.items.allSatisfy { $0.sid?.hasPrefix("GT") == true })
        }
        let query = FormParameters.decode(request.url.split(separator: "?", maxSplits: 1).last ?? "")
        let operation = try #require(try OpenAPISpec.load(.intelligence).operation(id: "ListTranscript"))
        let paging: Set<String> = ["Page", "PageToken"]
        #expect(Set(query.items.map(\.name)) == operation.queryParameters.subtracting(paging), "every ListTranscript filter is settable")
        #expect(query.values("AfterDateCreated") == ["2019-11-22T23:46:00Z"])
        #expect(query.values("Status") == ["in-progress"])
    }

    @Test func createTranscriptWithEveryParameter() async throws {
        let start = try #require(TwilioDateFormat.date(from: "2019-11-22T23:46:00Z"))
        let parameters = TranscriptCreateParameters(
            serviceSid: "GAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", channel: TranscriptCreateParameters.recordingChannel("REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            customerKey: "order-1234", mediaStartTime: start)
        let request = try await harness.check("CreateTranscript") { client in
            let transcript = try await client.intelligence.createTranscript(parameters)
            #expect(transcript.sid?.hasPrefix("GT") == true)
        }
        let form = FormParameters.decode(String(decoding: request.body ?? [], as: UTF8.self))
        let operation = try #require(try OpenAPISpec.load(.intelligence).operation(id: "CreateTranscript"))
        #expect(Set(form.items.map(\.name)) == operation.formParameters, "every CreateTranscript parameter is settable")
        #expect(form.values("Channel") == [#"{"media_properties":{"source_sid":"REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}"#])
        #expect(form.values("MediaStartTime") == ["2019-11-22T23:46:00Z"])
    }

    @Test func deleteTranscript() async throws {
        try await harness.check("DeleteTranscript") { try await $0.intelligence.deleteTranscript(transcriptSid) }
    }

    @Test func fetchTranscript() async throws {
        try await harness.check("FetchTranscript") { client in
            let transcript = try await client.intelligence.fetchTranscript(transcriptSid)
            #expect(transcript.sid == transcriptSid)
            #expect(transcript.links?["sentences"]?.hasSuffix("/Sentences") == true)
        }
    }

    @Test func listSentencesWithEveryParameter() async throws {
        let request = try await harness.check("ListSentence") { client in
            let sentences = try await client.intelligence
                .listSentences(transcriptSid, .init(redacted: false, wordTimestamps: true, pageSize: 100)).collect()
            #expect(sentences.first?.words?.count == 2)
        }
        #expect(request.url.contains("/v2/Transcripts/\(transcriptSid)/Sentences?"))
        let query = FormParameters.decode(request.url.split(separator: "?", maxSplits: 1).last ?? "")
        let operation = try #require(try OpenAPISpec.load(.intelligence).operation(id: "ListSentence"))
        #expect(Set(query.items.map(\.name)) == operation.queryParameters.subtracting(["Page", "PageToken"]))
        #expect(query.values("Redacted") == ["false"])
        #expect(query.values("WordTimestamps") == ["true"])
    }

    @Test func listSentencesFollowsEveryPage() async throws {
        let transport = SentencePagesTransport()
        let client = TwilioClient(
            configuration: .init(credentials: .authToken(accountSID: ContractHarness.accountSID, authToken: "token"),
                                 endpoint: .baseURL("https://paging.test"), retryPolicy: .never),
            transport: transport)
        let sentences = try await client.intelligence.listSentences(transcriptSid).collect()
        #expect(sentences.map(\.sentenceIndex) == [0, 1, 2, 3, 4])
        #expect(transport.urls.count == 3)
        #expect(transport.urls.allSatisfy { $0.hasPrefix("https://paging.test/intelligence/v2/Transcripts/\(transcriptSid)/Sentences") })
        let limited = try await client.intelligence.listSentences(transcriptSid, limit: 3).collect()
        #expect(limited.count == 3)
    }

    @Test func modelsDecodeEveryExample() throws {
        try ContractHarness.decodeExamples("FetchTranscript", in: .intelligence, as: Transcript.self)
        try ContractHarness.decodeListExamples("ListTranscript", in: .intelligence, of: Transcript.self)
        try ContractHarness.decodeListExamples("ListSentence", in: .intelligence, of: TranscriptSentence.self)
    }

    @Test func sentenceNumbersDecodeFromNumbersAndStrings() throws {
        let json = Data(#"""
        {"media_channel":2,"sentence_index":7,"start_time":1.25,"end_time":"2.5","transcript":"Hello there.",
         "sid":"GXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","confidence":"0.93",
         "words":[{"word":"Hello","start_time":1.25,"end_time":"1.6"},{"word":"there.","start_time":null,"end_time":null}]}
        """#.utf8)
        let sentence = try TwilioJSON.decoder.decode(TranscriptSentence.self, from: json)
        #expect(sentence.mediaChannel == 2)
        #expect(sentence.sentenceIndex == 7)
        #expect(sentence.startTime == 1.25)
        #expect(sentence.endTime == 2.5)
        #expect(sentence.confidence == 0.93)
        #expect(sentence.words?.first?.endTime == 1.6)
        #expect(sentence.words?.last?.startTime == nil)
        #expect(throws: DecodingError.self) {
            try TwilioJSON.decoder.decode(TranscriptSentence.self, from: Data(#"{"start_time":"soon"}"#.utf8))
        }
    }

    @Test func transcriptStatusesFollowTheSpec() throws {
        let spec = try OpenAPISpec.load(.intelligence)
        let schema = spec.resolve(["$ref": "#/components/schemas/transcript_enum_status"])
        let values = try #require(schema["enum"] as? [String])
        #expect(Set(values) == Set(TranscriptStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)))
    }
}

/// Serves a transcript's five sentences over three pages, linked by absolute `next_page_url`s on
/// Twilio's host (as Twilio sends them).
private final class SentencePagesTransport: TwilioHTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var urls: [String] { lock.withLock { recorded } }

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        lock.withLock { recorded.append(request.url) }
        let query = FormParameters.decode(request.url.split(separator: "?", maxSplits: 1).dropFirst().first ?? "")
        let page = Int(query.values("Page").first ?? "0") ?? 0
        let indices = Array([[0, 1], [2, 3], [4]][min(page, 2)])
        let path = "/v2/Transcripts/GTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Sentences"
        let next = page < 2 ? "\"https://intelligence.twilio.com\(path)?PageSize=2&Page=\(page + 1)&PageToken=PT\(page + 1)\"" : "null"
        let sentences = indices.map { #"{"media_channel":1,"sentence_index":\#($0),"transcript":"s\#($0)","sid":"GX\#($0)"}"# }
        let body = #"{"sentences":[\#(sentences.joined(separator: ","))],"meta":{"key":"sentences","page":\#(page),"page_size":2,"next_page_url":\#(next)}}"#
        return TwilioHTTPResponse(status: 200, headers: [(name: "Content-Type", value: "application/json")], body: Array(body.utf8))
    }
}
