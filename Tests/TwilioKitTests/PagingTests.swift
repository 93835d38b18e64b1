import Foundation
import Testing
@testable import TwilioKit

@Suite("Paging in both of Twilio's styles")
struct PagingTests {
    private func v2010Page(_ sids: [String], next: String?) -> ScriptedTransport.Step {
        let items = sids.map { #"{"sid":"\#($0)","status":"delivered"}"# }.joined(separator: ",")
        let nextJSON = next.map { "\"\($0)\"" } ?? "null"
        return .answer(200, body: #"{"messages":[\#(items)],"next_page_uri":\#(nextJSON),"page":0,"page_size":2,"start":0,"end":1,"uri":"/x","first_page_uri":"/x","previous_page_uri":null}"#)
    }

    @Test func v2010RelativeLinksAreFollowedUpToTheLimit() async throws {
        let transport = ScriptedTransport([
            v2010Page(["SM1", "SM2"], next: "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json?PageSize=2&Page=1&PageToken=PA1"),
            v2010Page(["SM3", "SM4"], next: "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json?PageSize=2&Page=2&PageToken=PA2"),
            v2010Page(["SM5"], next: nil),
        ])
        let client = TwilioClient.scripted(transport, clock: ManualClock())
        let all = try await client.messages.list(.init(pageSize: 2)).collect()
        #expect(all.compactMap(\.sid) == ["SM1", "SM2", "SM3", "SM4", "SM5"])
        #expect(transport.requests.map(\.url) == [
            "https://retry.test/api/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json?PageSize=2",
            "https://retry.test/api/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json?PageSize=2&Page=1&PageToken=PA1",
            "https://retry.test/api/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json?PageSize=2&Page=2&PageToken=PA2",
        ])
    }

    @Test func limitStopsFetchingPages() async throws {
        let transport = ScriptedTransport([
            v2010Page(["SM1", "SM2", "SM3"], next: "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json?Page=1"),
            v2010Page(["SM4"], next: nil),
        ])
        var seen: [String] = []
        for try await message in TwilioClient.scripted(transport, clock: ManualClock()).messages.list(limit: 3) {
            seen.append(message.sid ?? "")
        }
        #expect(seen == ["SM1", "SM2", "SM3"])
        #expect(transport.requests.count == 1)
        #expect(transport.requests[0].url.hasSuffix("Messages.json?PageSize=3"))
    }

    @Test func metaAbsoluteLinksStayOnTheConfiguredEndpoint() async throws {
        func page(_ sids: [String], next: String?) -> ScriptedTransport.Step {
            let items = sids.map { #"{"sid":"\#($0)"}"# }.joined(separator: ",")
            let nextJSON = next.map { "\"\($0)\"" } ?? "null"
            return .answer(200, body: #"{"transcripts":[\#(items)],"meta":{"page":0,"page_size":1,"first_page_url":"x","previous_page_url":null,"url":"x","next_page_url":\#(nextJSON),"key":"transcripts"}}"#)
        }
        let transport = ScriptedTransport([
            page(["GT1"], next: "https://intelligence.twilio.com/v2/Transcripts?PageSize=1&Page=1&PageToken=PT1"),
            page(["GT2"], next: "https://retry.test/intelligence/v2/Transcripts?PageSize=1&Page=2&PageToken=PT2"),
            page([], next: nil),
        ])
        let client = TwilioClient.scripted(transport, clock: ManualClock())
        let request = TwilioRequest(.get, .intelligence, "/v2/Transcripts")
        struct Item: Decodable, Sendable { var sid: String }
        let first: TwilioPage<Item> = try await client.page(request)
        #expect(first.items.map(\.sid) == ["GT1"])
        #expect(first.nextPageURL == "https://retry.test/intelligence/v2/Transcripts?PageSize=1&Page=1&PageToken=PT1")
        let second = try #require(try await client.page(after: first, domain: .intelligence))
        #expect(second.items.map(\.sid) == ["GT2"])
        let third = try #require(try await client.page(after: second, domain: .intelligence))
        #expect(third.items.isEmpty)
        #expect(try await client.page(after: third, domain: .intelligence) == nil)
        #expect(transport.requests.count == 3)
    }
}
