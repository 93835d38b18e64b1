import Foundation
import Testing
import TwilioKit

@Suite("JSONValue's text")
struct JSONValueTextTests {
    static let varied: JSONValue = [
        "empty": [], "none": .object([:]), "nested": [1, ["d": .null, "B": true, "list": [false, 2.5]]],
        "text": "a/b \u{1}é\"\\\n\t\u{7f}\u{2028}", "fraction": -0.0025, "large": 1e20, "whole": 1e14, "beyond": 123_456_789_012_345_678,
        "Capital": "sorted before lower case",
    ]

    @Test(arguments: [false, true])
    func textIsWhatJSONEncoderWrites(pretty: Bool) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        for value in [Self.varied, [], .object([:]), "top", 3, .null] {
            let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
            #expect((pretty ? value.prettyText : value.compactText) == expected)
        }
    }
}
