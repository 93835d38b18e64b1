import NIOCore

/// A whole answer, and whether its connection can carry another request: HTTP/1.1 without
/// `Connection: close` (or HTTP/1.0 with `keep-alive`), a delimited body, and nothing after it.
struct HTTP1Answer: Sendable {
    var response: TwilioHTTPResponse
    var isReusable: Bool
}

/// Reads one HTTP/1.1 answer from the bytes a connection receives, as they arrive: the status
/// line and header fields, then a body delimited by `Content-Length`, by chunks, or by the
/// connection's close. Interim answers (`100 Continue`) are skipped. Strict where a lenient
/// reading could take one answer for another: a malformed status line, field, length or chunk is
/// an error, and so are conflicting lengths.
struct HTTP1ResponseParser {
    typealias Field = (name: String, value: String)

    /// Why the bytes are not an answer this client reads.
    enum Failure: Error, Equatable {
        case malformed(String)
        case tooLarge(limit: Int)
    }

    /// The largest status line and header fields taken together, and the largest chunk-size line.
    static let maximumHeadBytes = 64 * 1024

    private enum State {
        case head(scanned: Int)
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd
        case trailers
        case untilClose
    }

    private let maximumBodyBytes: Int
    private var state = State.head(scanned: 0)
    private var answer = HTTP1Answer(response: TwilioHTTPResponse(status: 0), isReusable: true)
    private var unread = ByteBuffer()

    /// A parser for an answer whose body may be up to `maximumBodyBytes` long.
    init(maximumBodyBytes: Int) {
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Takes in the bytes a read brought; the answer once it is whole. Bytes not read yet (the part
    /// of a head, a length line or a chunk that is still coming in) are kept for the next read.
    mutating func read(_ incoming: ByteBuffer) throws(Failure) -> HTTP1Answer? {
        var buffer = unread
        unread = ByteBuffer()
        if buffer.readableBytes == 0 {
            buffer = incoming
        } else {
            var incoming = incoming
            buffer.writeBuffer(&incoming)
        }
        defer { unread = buffer }
        return try read(from: &buffer)
    }

    /// Whether bytes came after the answer: bytes nobody asked for.
    var hasBytesAfterAnswer: Bool { unread.readableBytes > 0 }

    private mutating func read(from buffer: inout ByteBuffer) throws(Failure) -> HTTP1Answer? {
        while true {
            switch state {
            case .head(let scanned):
                guard let end = Self.firstIndex(of: Self.blankLine, in: buffer, from: scanned) else {
                    guard buffer.readableBytes <= Self.maximumHeadBytes else { throw .tooLarge(limit: Self.maximumHeadBytes) }
                    state = .head(scanned: max(0, buffer.readableBytes - 3))
                    return nil
                }
                let head = buffer.readBytes(length: end + 4)!
                if let body = try begin(head: head.dropLast(4)) { state = body } else { state = .head(scanned: 0) }
            case .body(let remaining):
                let taken = try take(upTo: remaining, from: &buffer)
                guard taken == remaining else {
                    state = .body(remaining: remaining - taken)
                    return nil
                }
                return finish()
            case .chunkSize:
                guard let line = try Self.readLine(from: &buffer) else { return nil }
                let digits = line.prefix { $0 != UInt8(ascii: ";") }
                guard let size = Self.hexadecimal(digits) else { throw .malformed("a chunk size is not a hexadecimal number") }
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let taken = try take(upTo: remaining, from: &buffer)
                guard taken == remaining else {
                    state = .chunkData(remaining: remaining - taken)
                    return nil
                }
                state = .chunkEnd
            case .chunkEnd:
                guard let line = try Self.readLine(from: &buffer) else { return nil }
                guard line.isEmpty else { throw .malformed("a chunk is longer than its size") }
                state = .chunkSize
            case .trailers:
                guard let line = try Self.readLine(from: &buffer) else { return nil }
                if line.isEmpty { return finish() }
            case .untilClose:
                _ = try take(upTo: Int.max, from: &buffer)
                return nil
            }
        }
    }

    /// The answer whose body ends where the connection closed, if that is how its body ends.
    func readAtClose() -> HTTP1Answer? {
        guard case .untilClose = state else { return nil }
        var answer = answer
        answer.isReusable = false
        return answer
    }

    /// Takes in a head (without its blank line): the state its body starts in, or `nil` for an
    /// interim answer, which has no body and is followed by another head.
    private mutating func begin(head: ArraySlice<UInt8>) throws(Failure) -> State? {
        var lines = Self.lines(of: head)
        let statusLine = lines.removeFirst()
        guard statusLine.count >= 12, statusLine.starts(with: "HTTP/1.".utf8),
              statusLine[statusLine.startIndex + 7] == UInt8(ascii: "0") || statusLine[statusLine.startIndex + 7] == UInt8(ascii: "1"),
              statusLine[statusLine.startIndex + 8] == UInt8(ascii: " "),
              let status = ASCIIDecimal.value(of: statusLine.dropFirst(9).prefix(3), maximumCount: 3), (100...599).contains(status),
              statusLine.count == 12 || statusLine[statusLine.startIndex + 12] == UInt8(ascii: " ")
        else { throw .malformed("the status line is not HTTP/1.x with a three-digit status") }
        if status == 101 { throw .malformed("the server switched protocols, which this client never asks for") }
        var headers: [Field] = []
        headers.reserveCapacity(lines.count)
        var connection: [String] = [], codings: [String] = [], lengths: Set<String> = []
        for line in lines {
            let field = try Self.field(line)
            headers.append(field)
            if field.name.equalsIgnoringASCIICase("Connection") { connection += Self.tokens(field.value) }
            if field.name.equalsIgnoringASCIICase("Transfer-Encoding") { codings += Self.tokens(field.value) }
            if field.name.equalsIgnoringASCIICase("Content-Length") { lengths.insert(field.value) }
        }
        if (100..<200).contains(status) { return nil }
        let isHTTP10 = statusLine[statusLine.startIndex + 7] == UInt8(ascii: "0")
        answer = HTTP1Answer(response: TwilioHTTPResponse(status: status, headers: headers),
                             isReusable: isHTTP10 ? connection.contains("keep-alive") : !connection.contains("close"))
        if status == 204 || status == 304 { return .body(remaining: 0) }
        if !codings.isEmpty {
            // A length beside a transfer coding is ignored, and the connection not trusted after.
            if !lengths.isEmpty { answer.isReusable = false }
            if codings.last == "chunked" { return .chunkSize }
            answer.isReusable = false
            return .untilClose
        }
        guard let text = lengths.first else {
            answer.isReusable = false
            return .untilClose
        }
        guard lengths.count == 1, let length = ASCIIDecimal.value(of: text.utf8, maximumCount: 18) else {
            throw .malformed("Content-Length is not one decimal number")
        }
        guard length <= maximumBodyBytes else { throw .tooLarge(limit: maximumBodyBytes) }
        answer.response.body.reserveCapacity(min(length, 1 << 20))
        return .body(remaining: length)
    }

    /// The lines of a head, split at each CR LF (there is always a first, perhaps empty).
    private static func lines(of head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex, index = head.startIndex
        while index < head.endIndex - 1 {
            if head[index] == 0x0D, head[index + 1] == 0x0A {
                lines.append(head[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(head[start...])
        return lines
    }

    /// Moves up to `count` bytes of body from `buffer`; how many it moved.
    private mutating func take(upTo count: Int, from buffer: inout ByteBuffer) throws(Failure) -> Int {
        let taken = min(count, buffer.readableBytes)
        guard answer.response.body.count + taken <= maximumBodyBytes else { throw .tooLarge(limit: maximumBodyBytes) }
        answer.response.body.append(contentsOf: buffer.readableBytesView.prefix(taken))
        buffer.moveReaderIndex(forwardBy: taken)
        return taken
    }

    private mutating func finish() -> HTTP1Answer {
        state = .head(scanned: 0)
        return answer
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let blankLine: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]

    /// A line ending in CR LF, without it, taken from `buffer`; `nil` while it is incomplete.
    private static func readLine(from buffer: inout ByteBuffer) throws(Failure) -> [UInt8]? {
        guard let end = firstIndex(of: crlf, in: buffer, from: 0) else {
            guard buffer.readableBytes <= maximumHeadBytes else { throw .tooLarge(limit: maximumHeadBytes) }
            return nil
        }
        let line = buffer.readBytes(length: end)!
        buffer.moveReaderIndex(forwardBy: 2)
        return line
    }

    /// Where `pattern` (which starts with CR) starts among `buffer`'s readable bytes, searching
    /// from offset `start`.
    private static func firstIndex(of pattern: [UInt8], in buffer: ByteBuffer, from start: Int) -> Int? {
        buffer.withUnsafeReadableBytes { bytes in
            var index = start
            while index + pattern.count <= bytes.count {
                if bytes[index] == 0x0D {
                    var matched = 1
                    while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// A header line: `name: value`, the name an HTTP token, the value without control characters
    /// (but tab) and without the whitespace around it.
    private static func field(_ line: ArraySlice<UInt8>) throws(Failure) -> Field {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), HTTPSyntax.isToken(line[..<colon]) else {
            throw .malformed("a header line is not `name: value`")
        }
        let value = HTTPSyntax.trimmingWhitespace(line[(colon + 1)...])
        guard HTTPSyntax.isFieldValue(value) else {
            throw .malformed("a header value holds a control character")
        }
        return (name: String(decoding: line[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// A field value's comma-separated tokens, lower-cased.
    private static func tokens(_ value: String) -> [String] {
        value.utf8.split(separator: UInt8(ascii: ",")).compactMap { token in
            let trimmed = HTTPSyntax.trimmingWhitespace(token)
            return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self).lowercased()
        }
    }

    /// One to fifteen hexadecimal digits (and nothing else, but whitespace around them).
    private static func hexadecimal(_ digits: some BidirectionalCollection<UInt8>) -> Int? {
        let trimmed = HTTPSyntax.trimmingWhitespace(digits)
        guard (1...15).contains(trimmed.count) else { return nil }
        var value = 0
        for byte in trimmed {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value * 16 + Int(digit)
        }
        return value
    }
}
