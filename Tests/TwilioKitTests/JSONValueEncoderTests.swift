import Foundation
import Testing
import TwilioKit

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
