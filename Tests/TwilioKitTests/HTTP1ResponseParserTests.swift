import NIOCore
import Testing
@testable import TwilioKit

/// The transport's reading of HTTP/1.1 answers: every answer is read the same whichever way the
/// network splits its bytes, and what is not an answer is refused rather than guessed at.
@Suite("HTTP/1.1 answers")
struct HTTP1ResponseParserTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var wire: String
        var status: Int
        var body: String
        var isReusable: Bool
        var endsAtClose = false
        var testDescription: String { wire.prefix(40).replacingOccurrences(of: "\r\n", with: "⏎") }
    }

    static let answers: [Expected] = [
        .init(wire: "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"sid\":\"1\"}", status: 201,
              body: "{\"sid\":\"1\"}", isReusable: true),
        .init(wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;name=value\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n",
              status: 200, body: "Wikipedia in\r\n\r\nchunks.", isReusable: true),
        .init(wire: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", status: 200, body: "ok", isReusable: true),
        .init(wire: "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n", status: 204, body: "", isReusable: true),
        .init(wire: "HTTP/1.1 304 Not Modified\r\nETag: x\r\n\r\n", status: 304, body: "", isReusable: true),
        .init(wire: "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\nbye", status: 200, body: "bye", isReusable: false),
        .init(wire: "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi", status: 200, body: "hi", isReusable: false),
        .init(wire: "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nhi", status: 200, body: "hi", isReusable: true),
        .init(wire: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi", status: 200, body: "hi", isReusable: true),
        .init(wire: "HTTP/1.1 200 OK\r\nX-Spaces:  \t padded \t \r\nContent-Length: 0\r\n\r\n", status: 200, body: "", isReusable: true),
        .init(wire: "HTTP/1.1 500\r\nContent-Length: 1\r\n\r\n!", status: 500, body: "!", isReusable: true),
        .init(wire: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end", status: 200, body: "until the end",
              isReusable: false, endsAtClose: true),
    ]

    @Test("Read whole, however the bytes are split", arguments: answers)
    func readWholeHoweverSplit(_ expected: Expected) throws {
        let wire = Array(expected.wire.utf8)
        for split in 0...wire.count {
            for chunk in [1, max(1, split)] {
                var parser = HTTP1ResponseParser(maximumBodyBytes: 1024)
                var answer: HTTP1Answer?
                var offset = 0
                while offset < wire.count, answer == nil {
                    let end = offset < split ? min(split, offset + chunk) : wire.count
                    answer = try parser.read(ByteBuffer(bytes: wire[offset..<end]))
                    offset = end
                }
                if expected.endsAtClose {
                    #expect(answer == nil)
                    answer = parser.readAtClose()
                }
                let read = try #require(answer, "split at \(split)")
                #expect(read.response.status == expected.status)
                #expect(String(decoding: read.response.body, as: UTF8.self) == expected.body, "split at \(split)")
                #expect(read.isReusable == expected.isReusable)
                #expect(offset == wire.count && !parser.hasBytesAfterAnswer)
            }
        }
    }

    @Test func fieldsKeepTheirOrderAndLoseTheWhitespaceAroundValues() throws {
        var parser = HTTP1ResponseParser(maximumBodyBytes: 1024)
        let answer = try #require(try parser.read(ByteBuffer(string: "HTTP/1.1 302 Found\r\nLocation: /next \r\nX-Twilio:\tone\r\nContent-Length: 0\r\n\r\n")))
        #expect(answer.response.headers.map(\.name) == ["Location", "X-Twilio", "Content-Length"])
        #expect(answer.response.header("location") == "/next")
        #expect(answer.response.header("X-Twilio") == "one")
    }

    @Test func twoAnswersInARowAreReadOneAfterTheOther() throws {
        var parser = HTTP1ResponseParser(maximumBodyBytes: 1024)
        let both = ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb")
        #expect(try parser.read(both)?.response.body == Array("a".utf8))
        #expect(parser.hasBytesAfterAnswer)
        #expect(try parser.read(ByteBuffer())?.response.body == Array("b".utf8))
        #expect(!parser.hasBytesAfterAnswer)
    }

    @Test("What is not an answer is refused", arguments: [
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.1 20 OK\r\n\r\n",
        "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 099 Low\r\n\r\n",
        "ICY 200 OK\r\n\r\n",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
        "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\n: empty name\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\n folded: continuation\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX: a\u{1}b\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
    ])
    func malformedAnswersAreRefused(_ wire: String) {
        var parser = HTTP1ResponseParser(maximumBodyBytes: 1024)
        #expect(throws: HTTP1ResponseParser.Failure.self) { _ = try parser.read(ByteBuffer(string: wire)) }
    }

    @Test func aBodyOverTheLimitIsRefusedWhetherItsLengthIsSaidOrNot() {
        for wire in ["HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n",
                     "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nghijkl\r\n0\r\n\r\n",
                     "HTTP/1.1 200 OK\r\n\r\n0123456789ab"] {
            var parser = HTTP1ResponseParser(maximumBodyBytes: 10)
            #expect(throws: HTTP1ResponseParser.Failure.tooLarge(limit: 10)) { _ = try parser.read(ByteBuffer(string: wire)) }
        }
    }

    @Test func aHeadThatNeverEndsIsRefusedAtItsLimit() {
        var parser = HTTP1ResponseParser(maximumBodyBytes: 10)
        let head = ByteBuffer(string: "HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: HTTP1ResponseParser.maximumHeadBytes))
        #expect(throws: HTTP1ResponseParser.Failure.tooLarge(limit: HTTP1ResponseParser.maximumHeadBytes)) { _ = try parser.read(head) }
    }

    @Test func aConnectionClosedBeforeTheBodyEndsIsNoAnswer() throws {
        var parser = HTTP1ResponseParser(maximumBodyBytes: 1024)
        #expect(try parser.read(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")) == nil)
        #expect(parser.readAtClose() == nil)
    }
}
