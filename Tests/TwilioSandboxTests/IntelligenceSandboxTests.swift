import Foundation
import Testing
import TwilioKit
@testable import TwilioSandbox

@Suite("Sandbox Voice Intelligence v2, driven by TwilioKit")
struct IntelligenceSandboxTests {
    @Test func demoTranscriptsAreListedFilteredAndFetched() async throws {
        try await SandboxFixture.with { sandbox in
            let intelligence = sandbox.client.intelligence
            let all = try await intelligence.listTranscripts().collect()
            #expect(all.count == 2)
            #expect(all.map(\.languageCode) == ["es-US", "en-US"], "newest first")
            #expect(all.allSatisfy { $0.status == .completed && $0.serviceSid == DemoTranscripts.serviceSID })
            #expect(try await intelligence.listTranscripts(.init(languageCode: "es-US")).collect().count == 1)
            #expect(try await intelligence.listTranscripts(.init(status: .queued)).collect().isEmpty)
            #expect(try await intelligence.listTranscripts(.init(afterDateCreated: Date().addingTimeInterval(-7_200))).collect().count == 1)
            #expect(try await intelligence.listTranscripts(.init(beforeStartTime: Date().addingTimeInterval(-7_200))).collect().count == 1)
            #expect(try await intelligence.listTranscripts(.init(pageSize: 1)).collect().count == 2)

            let support = try #require(all.last)
            let fetched = try await intelligence.fetchTranscript(support.sid ?? "")
            #expect(fetched == support)
            #expect(fetched.duration.map { $0 > 60 } == true)
            #expect(fetched.links?["sentences"] == "https://intelligence.twilio.com/v2/Transcripts/\(support.sid ?? "")/Sentences")
            guard case .object(let channel)? = fetched.channel, case .array(let participants)? = channel["participants"] else {
                Issue.record("channel has no participants")
                return
            }
            #expect(participants.count == 2)
            if let sourceSid = fetched.channel.flatMap({ Self.sourceSid($0) }) {
                #expect(try await intelligence.listTranscripts(.init(sourceSid: sourceSid)).collect().map(\.sid) == [support.sid])
            } else {
                Issue.record("no source_sid")
            }

            let raw = try await sandbox.inspect(.get, "/intelligence/v2/Transcripts/\(support.sid ?? "")")
            #expect(Set(raw.json.keys) == ["account_sid", "service_sid", "sid", "date_created", "date_updated", "status", "channel",
                                           "data_logging", "language_code", "customer_key", "media_start_time", "duration", "url",
                                           "redaction", "encryption_credential_sid", "links"])
        }
    }

    @Test func sentencesArePagedInOrder() async throws {
        try await SandboxFixture.with { sandbox in
            let intelligence = sandbox.client.intelligence
            let support = try #require(try await intelligence.listTranscripts(.init(languageCode: "en-US")).collect().first?.sid)
            let sentences = try await intelligence.listSentences(support, .init(pageSize: 50)).collect()
            #expect(sentences.count == 132)
            #expect(sentences.compactMap(\.sentenceIndex) == Array(0..<132))
            #expect(Set(sentences.compactMap(\.mediaChannel)) == [1, 2])
            #expect(zip(sentences, sentences.dropFirst()).allSatisfy { ($0.endTime ?? 0) < ($1.startTime ?? 0) })
            #expect(sentences.allSatisfy { ($0.confidence ?? 0) >= 0.85 && ($0.confidence ?? 1) <= 0.99 })
            #expect(try await intelligence.listSentences(support, limit: 7).collect().count == 7)

            let firstPage = try await sandbox.inspect(.get, "/intelligence/v2/Transcripts/\(support)/Sentences?PageSize=50")
            let meta = firstPage.json["meta"] as? [String: Any]
            #expect(meta?["key"] as? String == "sentences")
            #expect((meta?["next_page_url"] as? String)?.hasPrefix(sandbox.server.baseURL + "/intelligence/v2/Transcripts/\(support)/Sentences?") == true)
            let lastPage = try await sandbox.inspect(.get, "/intelligence/v2/Transcripts/\(support)/Sentences?PageSize=50&Page=2")
            #expect((lastPage.json["sentences"] as? [Any])?.count == 32)
            #expect((lastPage.json["meta"] as? [String: Any])?["next_page_url"] is NSNull)
        }
    }

    @Test func sentencesAreRedactedUnlessAskedOtherwise() async throws {
        try await SandboxFixture.with { sandbox in
            let intelligence = sandbox.client.intelligence
            let support = try #require(try await intelligence.listTranscripts(.init(languageCode: "en-US")).collect().first?.sid)
            let redacted = try await intelligence.listSentences(support).collect()
            #expect(redacted[3].transcript?.contains("[redacted]") == true)
            #expect(redacted[3].transcript?.contains("jamie@example.com") == false)
            #expect(redacted[3].words?.first?.startTime == nil, "word timings only when asked")
            let plain = try await intelligence.listSentences(support, .init(redacted: false, wordTimestamps: true)).collect()
            #expect(plain[3].transcript?.contains("jamie@example.com") == true)
            #expect(plain[3].words?.first?.startTime == plain[3].startTime)
        }
    }

    @Test func adminRouteCreatesATranscriptThatCanBeDeleted() async throws {
        try await SandboxFixture.with { sandbox in
            let callSid = "CA" + String(repeating: "ab", count: 16)
            let created = try await sandbox.inspect(.post, "/sandbox/transcripts", form: [
                ("Sentences", "Agent: Hello, thanks for calling.\nCaller: Hi, my card 4111 1111 is blocked."),
                ("Sentences", "Agent: Let me check that for you."), ("CallSid", callSid), ("CustomerKey", "ticket-42"),
            ])
            #expect(created.status == 201)
            let sid = try #require(created.json["sid"] as? String)
            let transcript = try await sandbox.client.intelligence.fetchTranscript(sid)
            #expect(transcript.customerKey == "ticket-42")
            #expect(transcript.status == .completed)
            let media = (created.json["channel"] as? [String: Any])?["media_properties"] as? [String: Any]
            #expect((media?["reference_sids"] as? [String: Any])?["call_sid"] as? String == callSid)
            let sentences = try await sandbox.client.intelligence.listSentences(sid).collect()
            #expect(sentences.map(\.mediaChannel) == [1, 2, 1])
            #expect(sentences[1].transcript == "Hi, my card [redacted] [redacted] is blocked.")
            #expect(try await sandbox.client.intelligence.listTranscripts().collect().count == 3)

            #expect(try await sandbox.inspect(.delete, "/intelligence/v2/Transcripts/\(sid)").status == 204)
            let gone = await #expect(throws: TwilioError.self) { _ = try await sandbox.client.intelligence.fetchTranscript(sid) }
            #expect(gone?.code == 20404)
            #expect(try await sandbox.inspect(.post, "/sandbox/transcripts", form: [("CallSid", callSid)]).status == 400)
        }
    }

    private static func sourceSid(_ channel: JSONValue) -> String? {
        guard case .object(let channel) = channel, case .object(let media)? = channel["media_properties"],
              case .string(let sid)? = media["source_sid"] else { return nil }
        return sid
    }

    @Test func aRecordedCallIsTranscribed() async throws {
        try await SandboxFixture.with { sandbox in
            let client = sandbox.client
            let twiml = "<Response><Say>Thanks for calling Owl Bank.</Say><Say>Your balance is forty dollars.</Say></Response>"
            let call = try await client.calls.create(.init(to: "+14155550311", from: "+14155550100", instructions: .twiml(twiml), record: true))
            let callSid = try #require(call.sid)
            let recordings = try await sandbox.eventually({ try await client.recordings.list(.init(callSid: callSid)).collect() }) { !$0.isEmpty }
            let recording = try #require(recordings.first?.sid)

            let queued = try await client.intelligence.createTranscript(.init(
                serviceSid: "GAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", channel: TranscriptCreateParameters.recordingChannel(recording),
                customerKey: "balance-call"))
            #expect(queued.status == .queued)
            let sid = try #require(queued.sid)
            let done = try await sandbox.eventually({ try await client.intelligence.fetchTranscript(sid) }) { $0.status == .completed }
            #expect(done.status == .completed)
            #expect(done.customerKey == "balance-call")
            let sentences = try await client.intelligence.listSentences(sid).collect()
            #expect(sentences.compactMap(\.transcript) == ["Thanks for calling Owl Bank.", "Your balance is forty dollars."])
            #expect(try await client.intelligence.listTranscripts(.init(sourceSid: recording)).collect().map(\.sid) == [sid])

            try await client.intelligence.deleteTranscript(sid)
            let gone = await #expect(throws: TwilioError.self) { _ = try await client.intelligence.fetchTranscript(sid) }
            #expect(gone?.httpStatus == 404)
        }
    }

    @Test func createTranscriptIsValidatedAndAMediaURLFails() async throws {
        try await SandboxFixture.with { sandbox in
            let intelligence = sandbox.client.intelligence
            let unknown = await #expect(throws: TwilioError.self) {
                _ = try await intelligence.createTranscript(.init(serviceSid: "GAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                                                  channel: TranscriptCreateParameters.recordingChannel("RE00000000000000000000000000000000")))
            }
            #expect(unknown?.httpStatus == 400)
            #expect(unknown?.message.contains("source_sid must be a recording") == true)
            let badService = await #expect(throws: TwilioError.self) {
                _ = try await intelligence.createTranscript(.init(serviceSid: "nope", channel: TranscriptCreateParameters.mediaURLChannel("https://example.com/a.wav")))
            }
            #expect(badService?.message.contains("ServiceSid") == true)

            let external = try await intelligence.createTranscript(.init(serviceSid: "GAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                                                         channel: TranscriptCreateParameters.mediaURLChannel("https://example.com/a.wav")))
            let failed = try await sandbox.eventually({ try await intelligence.fetchTranscript(external.sid ?? "") }) { $0.status == .failed }
            #expect(failed.status == .failed, "the sandbox cannot transcribe audio it did not record")
        }
    }

    @Test func whatTheHandsetSaysToASpeechGatherIsHeardAndTranscribed() async throws {
        try await SandboxFixture.with { sandbox in
            let recorder = try await WebhookRecorder.start()
            defer { Task { await recorder.stop() } }
            await recorder.respond(to: "/heard", with: "<Response><Say>Thank you.</Say></Response>")
            let handset = "+14155550341"
            _ = try await sandbox.inspect(.post, "/sandbox/handsets/\(handset)", form: [("Speech", "My order is late.")])
            let twiml = "<Response><Gather input=\"speech\" action=\"\(recorder.baseURL)/heard\"><Say>How can I help?</Say></Gather></Response>"
            let call = try await sandbox.client.calls.create(.init(to: handset, from: "+14155550100", instructions: .twiml(twiml), record: true))
            let heard = try await recorder.waitFor { $0.contains { $0.path == "/heard" } }.first { $0.path == "/heard" }
            #expect(heard?.form.first("SpeechResult") == "My order is late.")
            #expect(heard?.form.first("Confidence") == "0.92")

            let recordings = try await sandbox.eventually({ try await sandbox.client.recordings.list(.init(callSid: call.sid)).collect() }) { !$0.isEmpty }
            let transcript = try await sandbox.client.intelligence.createTranscript(.init(
                serviceSid: "GAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", channel: TranscriptCreateParameters.recordingChannel(recordings.first?.sid ?? "")))
            _ = try await sandbox.eventually({ try await sandbox.client.intelligence.fetchTranscript(transcript.sid ?? "") }) { $0.status == .completed }
            let sentences = try await sandbox.client.intelligence.listSentences(transcript.sid ?? "").collect()
            #expect(sentences.compactMap(\.transcript) == ["How can I help?", "My order is late.", "Thank you."])
            #expect(sentences.map(\.mediaChannel) == [1, 2, 1], "the agent and the customer on their own channels")
        }
    }
}
