import Foundation
import Testing
@testable import TwilioKit

/// ``JSONParser`` against `JSONDecoder` reading the same text as a ``JSONValue``.
struct JSONParserTests {
    @Test func nestedObjectsAndArraysParseAsJSONDecoderReadsThem() throws {
        let json = #"""
            {"sid": "SM1", "a": {"b": {"c": [1, {"d": null, "e": [true, false]}, {}], "f": "g"}, "h": []},
             "i": [{"j": 1, "k": {"l": "m"}}, {"j": 2}], "n": {}, "o": -1.5e3, "p": "\u00e9\n"}
            """#
        #expect(try JSONParser.parse(json) == JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
    }

    @Test func aKeyTwiceInOneObjectIsRefusedWhereItAppearsAgain() {
        let json = #"{"a": {"b": 1, "c": {"b": 2}, "b": 3}}"#
        #expect(throws: JSONParser.Failure(line: 1, column: 31, reason: #"the key "b" appears twice in the same object"#)) {
            try JSONParser.parse(json)
        }
        #expect(throws: Never.self, "the same key in different objects") { try JSONParser.parse(#"{"b": {"b": {"b": 1}}, "c": {"b": 2}}"#) }
    }
}
