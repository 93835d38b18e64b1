import Foundation
import Testing
import TwilioConnector
import TwilioKit

@Suite("Voice Intelligence actions, component dialect, against the sandbox")
struct IntelligenceActionTests {
    @Test func listTranscriptsPagesUpToTheLimit() async throws {
        try await ConnectorFixture.with { fixture in
            let all = await fixture.run("twilio/v1/listTranscripts", [:])
            #expect(all.flag("success") == true, "\(all)")
            let transcripts = try #require(all.array("transcripts"))
            #expect(transcripts.count == 2, "the sandbox's two demo transcripts")
            #expect(all.flag("hasMore") == false)
            let first = try #require(transcripts.first?.objectFields)
            #expect(first.text("sid")?.hasPrefix("GT") == true)
            #expect(first.object("dateCreated")?.text("zoneId") == "UTC")

            let one = await fixture.run("listTranscripts", ["limit": 1, "Status": "completed"])
            #expect(one.array("transcripts")?.count == 1)
            #expect(one.flag("hasMore") == true)
            #expect(await fixture.run("listTranscripts", ["LanguageCode": "fr-FR"]).array("transcripts")?.isEmpty == true)
        }
    }

    @Test func getTranscriptsReturnsEverySentenceAcrossPages() async throws {
        try await ConnectorFixture.with { fixture in
            let source = "RE11111111111111111111111111111111"
            let lines = (1...120).map { "\($0.isMultiple(of: 2) ? "Agent" : "Customer"): line number \($0)." }
            let created = try await fixture.sandboxForm(.post, "/sandbox/transcripts",
                                                            form: [("SourceSid", source)] + lines.map { ("Sentences", $0) })
            #expect(created == 201)
            let listed = await fixture.run("listTranscripts", ["SourceSid": .string(source)])
            let sid = try #require(listed.array("transcripts")?.first?.objectFields?.text("sid"))
            let demo = try #require(await fixture.run("listTranscripts", ["limit": 1]).array("transcripts")?.first?.objectFields?.text("sid"))

            let result = await fixture.run("twilio/v1/getTranscripts", ["TranscriptSids": .string("\(sid),\(demo)")])
            #expect(result.flag("success") == true, "\(result)")
            #expect(result.number("count") == 2)
            let transcripts = try #require(result.array("transcripts")?.compactMap { $0.objectFields })
            #expect(transcripts.map { $0.text("sid") } == [sid, demo])
            let sentences = try #require(transcripts.first?.array("sentences")?.compactMap { $0.objectFields })
            #expect(sentences.count == 120, "all sentences, past the first page")
            #expect(sentences.first?.text("transcript")?.contains("line number 1.") == true)
            #expect(sentences.last?.number("sentenceIndex") == 119)
            let text = try #require(transcripts.first?.text("transcriptText"))
            #expect(text.split(separator: "\n").count == 120)
            #expect((transcripts.last?.array("sentences")?.count ?? 0) > 0)
        }
    }

    @Test func listTranscriptsIncludesTheTextWhenAsked() async throws {
        try await ConnectorFixture.with { fixture in
            let plain = await fixture.run("list_transcripts", ["limit": 1])
            #expect(plain.array("transcripts")?.first?.objectFields?["transcript_text"] == .null, "not fetched unless asked")

            let full = await fixture.run("list_transcripts", ["include_transcript_text": true, "status": "completed"])
            #expect(full.flag("success") == true, "\(full)")
            let listed = full.array("transcripts") ?? []
            let transcripts = listed.compactMap(\.objectFields)
            #expect(transcripts.count == 2)
            for transcript in transcripts {
                let text = transcript.text("transcript_text") ?? ""
                let sentences = transcript.array("sentences") ?? []
                #expect(!sentences.isEmpty && text.split(separator: "\n").count == sentences.count)
            }
        }
    }

    @Test func unknownTranscriptComesBackAsTwilioRefusal() async throws {
        try await ConnectorFixture.with { fixture in
            let result = await fixture.run("getTranscripts", ["TranscriptSids": ["GT00000000000000000000000000000000"]])
            #expect(result.flag("success") == false)
            #expect(result.number("httpStatus") == 404)
        }
    }

    @Test func badInputSendsNothing() async throws {
        try await ConnectorFixture.with { fixture async throws in
            #expect(try await fixture.refusal("getTranscripts", ["TranscriptSids": ["GX00000000000000000000000000000000"]])
                .contains("TranscriptSids item 'GX00000000000000000000000000000000' must be a GT SID"))
            let many = (0..<21).map { JSONValue.string(String(format: "GT%032d", $0)) }
            #expect(try await fixture.refusal("getTranscripts", ["TranscriptSids": .array(many)]).contains("TranscriptSids has 21 items; at most 20 are allowed"))
            #expect(try await fixture.refusal("getTranscripts", [:]).contains("TranscriptSids is required"))
            let list = try await fixture.refusal("listTranscripts", ["Status": "done", "limit": 0, "ServiceSid": "GT00000000000000000000000000000000",
                                                                      "AfterDateCreated": "yesterday"])
            #expect(list.contains("Status must be one of"))
            #expect(list.contains("limit must be from 1 to 10000"))
            #expect(list.contains("ServiceSid must be a GA SID"))
            #expect(list.contains("AfterDateCreated must be an ISO 8601 date-time"))
        }
    }
}
