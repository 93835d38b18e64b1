import Foundation
import Testing
@testable import TwilioKit
@testable import TwilioSandbox

/// ``TwilioJSONDecoder`` against `JSONDecoder` configured for Twilio's answers, which it replaces
/// (every spec example of every model is compared too, in the contract tests).
@Suite("Decoding Twilio's answers")
struct TwilioJSONDecoderTests {
    /// Every key a keyed container sees.
    struct Keys: Decodable, Equatable {
        let keys: Set<String>

        init(from decoder: any Decoder) throws {
            keys = Set(try decoder.container(keyedBy: JSONDictionaryKey.self).allKeys.map(\.stringValue))
        }
    }

    struct Resource: Decodable, Equatable {
        let sid: String
        let dateCreated: Date?
        let numSegments: String?
        let errorCode: Int?
        let subresourceUris: [String: String]?
        let price: Double?
        let tags: [String]?
    }

    private func bothDecoders<Value: Decodable & Equatable>(_ type: Value.Type, _ json: String) throws -> (Value, Value) {
        (try TwilioJSON.decoder.decode(type, from: Data(json.utf8)), try ContractHarness.foundationDecoder.decode(type, from: Data(json.utf8)))
    }

    @Test(arguments: ["date_created", "sid", "_leading", "trailing_", "__both__", "a__b", "Mixed_Case_KEY", "e164_format", "_", "___",
                      "", "num_media_2", "über_straße", "a-b_c.d", "already_camelCase"])
    func keysAreConvertedExactlyAsJSONDecoderConvertsThem(key: String) throws {
        let (ours, reference) = try bothDecoders(Keys.self, #"{"\#(key)": 1}"#)
        #expect(ours == reference)
    }

    @Test func aResourceDecodesAsWithJSONDecoder() throws {
        let json = #"""
            {"sid": "SM1", "date_created": "Tue, 01 Dec 2026 12:00:00 +0000", "num_segments": "2", "error_code": 30008,
             "subresource_uris": {"feedback_summary": "/x", "media": "/y"}, "price": -0.0075, "tags": ["a", "b"]}
            """#
        let (ours, reference) = try bothDecoders(Resource.self, json)
        #expect(ours == reference)
        #expect(ours.subresourceUris?["feedback_summary"] == "/x", "a dictionary's keys are data, never converted")
        #expect(ours.dateCreated == Date(timeIntervalSince1970: 1_796_126_400))
    }

    @Test func nullsAndMissingKeysAreNil() throws {
        let (ours, reference) = try bothDecoders(Resource.self, #"{"sid": "SM1", "date_created": null, "error_code": null}"#)
        #expect(ours == reference)
        #expect(ours.dateCreated == nil && ours.errorCode == nil && ours.tags == nil)
    }

    @Test func whatJSONDecoderRefusesIsRefused() {
        let refused = [
            #"{"date_created": "x"}"#, // sid missing
            #"{"sid": null}"#, // sid null
            #"{"sid": 1}"#, // sid not a string
            #"{"sid": "SM1", "error_code": 1.5}"#, // not an integer
            #"{"sid": "SM1", "error_code": "30008"}"#, // a string for an integer
            #"{"sid": "SM1", "date_created": "yesterday"}"#, // not a date
            #"{"sid": "SM1", "tags": "a"}"#, // not an array
            #"{"sid": "SM1""#, // not JSON
        ]
        for json in refused {
            #expect(throws: DecodingError.self, "\(json)") { try TwilioJSON.decoder.decode(Resource.self, from: Data(json.utf8)) }
            #expect(throws: DecodingError.self, "\(json)") { try ContractHarness.foundationDecoder.decode(Resource.self, from: Data(json.utf8)) }
        }
    }

    @Test func anIntegerBeyondWhatADoubleHoldsExactlyIsRefusedNotRounded() {
        #expect(throws: DecodingError.self) {
            try TwilioJSON.decoder.decode(Resource.self, from: Data(#"{"sid": "SM1", "error_code": 9007199254740993}"#.utf8))
        }
    }

    @Test func errorsSayWhere() throws {
        do {
            _ = try TwilioJSON.decoder.decode([Resource].self, from: Data(#"[{"sid": "SM1"}, {"sid": 2}]"#.utf8))
            Issue.record("decoded")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["Index 1", "sid"])
        }
    }

    /// A message's fields as Twilio sends them, each with a value of its type and one of another.
    private static let messageFields: [(key: String, valid: [String], invalid: [String])] = {
        let text = (valid: [#""SM1""#, #""""#, #""é ✓""#], invalid: ["1", "true", "[]", "{}"])
        let texts = ["sid", "account_sid", "messaging_service_sid", "from", "to", "body", "num_segments", "num_media", "price", "price_unit",
                     "error_message", "api_version", "uri"].map { ($0, text.valid, text.invalid) }
        let dates = ["date_created", "date_updated", "date_sent"].map {
            ($0, [#""Tue, 01 Dec 2026 12:00:00 +0000""#, #""2026-12-01T12:00:00Z""#], [#""yesterday""#, "1", #""""#])
        }
        return texts + dates + [
            ("status", [#""queued""#, #""partially_delivered""#, #""teleported""#], ["1", "{}"]),
            ("direction", [#""outbound-api""#, #""sideways""#], ["false"]),
            ("error_code", ["30008", "0", "-1"], ["1.5", #""30008""#, "true"]),
            ("subresource_uris", [#"{"media": "/m", "feedback_summary": "/f"}"#, "{}"], [#"{"media": 1}"#, #"{"media": null}"#, #""/m""#, "[]"]),
        ]
    }()

    @Test func aMessageReadFieldByFieldDecodesAsThroughDecodable() throws {
        var generator = SeededGenerator(seed: 2026)
        var (readCount, refusedCount) = (0, 0)
        for _ in 0..<1_500 {
            var members: [String] = []
            for field in Self.messageFields {
                switch generator.next() % 40 {
                case 0..<4: continue
                case 4..<6: members.append(#""\#(field.key)": null"#)
                case 6: members.append(#""\#(field.key)": \#(field.invalid.randomElement(using: &generator)!)"#)
                case 7: members.append(#""\#(SnakeCaseKeys.camelCased([field.key: .null]).keys.first!)": \#(field.valid.randomElement(using: &generator)!)"#)
                default: members.append(#""\#(field.key)": \#(field.valid.randomElement(using: &generator)!)"#)
                }
            }
            if generator.next() % 4 == 0 { members.append(#""risk_check": {"level": "low"}"#) }
            members.shuffle(using: &generator)
            let json = "{" + members.joined(separator: ", ") + "}"
            let object = try #require(try JSONParser.parse(Array(json.utf8)).objectFields)
            var fields = TwilioFieldReader(object: object)
            let read = Message(twilioFields: &fields)
            let generic = Result { try JSONValueDecoding(value: .object(object)).decode(Message.self) }
            let decoded = Result { try TwilioJSON.decoder.decode(Message.self, from: Data(json.utf8)) }
            let foundation = Result { try ContractHarness.foundationDecoder.decode(Message.self, from: Data(json.utf8)) }
            switch (generic, decoded, foundation) {
            case (.success(let generic), .success(let decoded), .success(let foundation)):
                #expect(decoded == generic && decoded == foundation, "\(json)")
                if fields.readsAsDecodable {
                    #expect(read == generic, "read field by field as through Decodable: \(json)")
                    readCount += 1
                }
            case (.failure(let generic), .failure(let decoded), .failure):
                refusedCount += 1
                #expect(!fields.readsAsDecodable, "a field of another type is noticed: \(json)")
                #expect("\(decoded)" == "\(generic)", "the error is Decodable's: \(json)")
            default:
                Issue.record("decoded by some and refused by others: \(json)")
            }
        }
        #expect(readCount > 200 && refusedCount > 200, "both outcomes are tried")
    }
}
