import Foundation
import Testing
@testable import TwilioKit
@testable import TwilioSandbox

/// ``JSONValueEncoder`` gives what `JSONEncoder` followed by decoding into `JSONValue` gives.
struct JSONValueEncoderTests {
    static func viaJSONEncoder(_ value: some Encodable, snakeCase: Bool) throws -> JSONValue {
        let encoder = JSONEncoder()
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(TwilioDateFormat.iso8601String(from: date))
        }
        return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }

    static func message() throws -> Message {
        let json = #"""
        {"sid": "SM00000000000000000000000000000001", "account_sid": "AC00000000000000000000000000000001",
         "from": "+15005550006", "to": "+14155550100", "body": "Hi \"there\"\n", "status": "delivered",
         "direction": "outbound-api", "num_segments": "1", "num_media": "0", "price": "-0.00750", "price_unit": "USD",
         "error_code": null, "date_created": "Wed, 31 Jan 2030 09:00:00 +0000", "api_version": "2010-04-01",
         "subresource_uris": {"media": "/2010-04-01/Accounts/AC/Messages/SM/Media.json"}}
        """#
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = TwilioDateFormat.date(from: text) else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: text)) }
            return date
        }
        return try decoder.decode(Message.self, from: Data(json.utf8))
    }

    /// A message with each field set or not, at random.
    static func randomMessage(using generator: inout SeededGenerator) -> Message {
        func maybe<Value>(_ value: @autoclosure () -> Value) -> Value? { generator.next() % 3 == 0 ? nil : value() }
        func text() -> String { ["SM1", "", "é ✓ \"q\"\n", "+15005550006"].randomElement(using: &generator)! }
        func date() -> Date { Date(timeIntervalSince1970: Double(Int64(generator.next() % 4_000_000_000)) + [0, 0.5, 0.125].randomElement(using: &generator)!) }
        return Message(sid: maybe(text()), accountSid: maybe(text()), messagingServiceSid: maybe(text()), from: maybe(text()), to: maybe(text()),
                       body: maybe(text()), status: maybe(MessageStatus.allCases.randomElement(using: &generator)!),
                       direction: maybe(MessageDirection.allCases.randomElement(using: &generator)!), numSegments: maybe(text()),
                       numMedia: maybe(text()), price: maybe(text()), priceUnit: maybe(text()),
                       errorCode: maybe(Int(generator.next() % 100_000) - 50_000), errorMessage: maybe(text()), dateCreated: maybe(date()),
                       dateUpdated: maybe(date()), dateSent: maybe(date()), apiVersion: maybe(text()), uri: maybe(text()),
                       subresourceUris: maybe(["media": text(), "feedback_summary": text()]))
    }

    @Test(arguments: [true, false])
    func messagesWrittenFieldByFieldEncodeAsJSONEncoderEncodesThem(snakeCase: Bool) throws {
        let encoder = JSONValueEncoder(keyStyle: snakeCase ? .snakeCase : .asDeclared)
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<500 {
            let message = Self.randomMessage(using: &generator)
            #expect(try encoder.encode(message) == Self.viaJSONEncoder(message, snakeCase: snakeCase), "\(message)")
        }
    }

    @Test(arguments: [true, false])
    func aMessageEncodesAsJSONEncoderEncodesIt(snakeCase: Bool) throws {
        let encoder = JSONValueEncoder(keyStyle: snakeCase ? .snakeCase : .asDeclared)
        let message = try Self.message()
        #expect(try encoder.encode(message) == Self.viaJSONEncoder(message, snakeCase: snakeCase))
        #expect(message.sid != nil)
    }

    struct Nested: Codable {
        var mediaURL: String
        var myHTTPServerName: [Int]
        var when: Date
        var nothing: String?
        var json: JSONValue
        var inner: [String: [Bool]]
    }

    @Test(arguments: [true, false])
    func nestedContainersAcronymsAndDates(snakeCase: Bool) throws {
        let value = Nested(mediaURL: "https://x", myHTTPServerName: [1, 2], when: Date(timeIntervalSince1970: 1_900_000_000),
                           nothing: nil, json: ["a": [1, "b", .null]], inner: ["isOn": [true]])
        let encoder = JSONValueEncoder(keyStyle: snakeCase ? .snakeCase : .asDeclared)
        #expect(try encoder.encode(value) == Self.viaJSONEncoder(value, snakeCase: snakeCase))
    }

    @Test func compactTextIsWhatJSONEncoderWrites() throws {
        let value: JSONValue = ["b": [1, 2.5, -0.0075, 1e20, "x/y\"\u{1}\n"], "a": ["z": .null, "y": true], "ü": "é"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(value.compactText == String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
