import Foundation
import Testing
@testable import TwilioKit

/// Standard Webhooks (standardwebhooks.com), held to the specification's reference libraries:
/// the vector of their python, go and csharp tests (`test_sign_function`) and their verification
/// tests (missing headers, bad timestamps, invalid and multiple signatures).
@Suite("Standard Webhooks")
struct StandardWebhookTests {
    let secretText = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    let messageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp = Date(timeIntervalSince1970: 1_614_265_330)
    let payload = #"{"test": 2432232314}"#
    let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    var secret: StandardWebhookSecret {
        get throws { try #require(StandardWebhookSecret(secretText)) }
    }

    /// A verifier whose clock reads `offset` seconds after the vector's timestamp.
    func verifier(at offset: TimeInterval = 0) throws -> StandardWebhookVerifier {
        let now = timestamp.addingTimeInterval(offset)
        return StandardWebhookVerifier(secret: try secret, now: { now })
    }

    @Test func signsTheOfficialVector() throws {
        let signer = StandardWebhookSigner(secret: try secret)
        #expect(signer.signature(id: messageID, timestamp: timestamp, body: payload.utf8) == expected)
        #expect(signer.signature(id: messageID, timestamp: timestamp.addingTimeInterval(0.999), body: payload.utf8) == expected,
                "timestamps are whole seconds, rounded down")
        let headers = signer.headers(id: messageID, timestamp: timestamp, body: payload.utf8)
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(headers.map(\.value) == [messageID, "1614265330", expected])
    }

    @Test func signsTheSpecificationExample() throws {
        let body = #"{"type":"contact.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"id":"1f81eb52-5198-4599-803e-771906343485"}}"#
        let signer = StandardWebhookSigner(secret: try secret)
        #expect(signer.signature(id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", timestamp: Date(timeIntervalSince1970: 1_674_087_231), body: body.utf8)
            == "v1,ARw42xaAApl/nxRo+iPGYwSaMQaOwMo2eyH5JBRA+bQ=")
    }

    @Test func verifiesTheOfficialVector() throws {
        try verifier().verify(id: messageID, timestamp: "1614265330", signature: expected, body: payload.utf8)
    }

    @Test func secretsParseWithOrWithoutPrefixAndPadding() throws {
        let bytes = try #require(StandardWebhookSecret(secretText)).serialized
        #expect(bytes == secretText, "24 bytes need no padding")
        #expect(StandardWebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?.serialized == secretText)
        let unpadded = try #require(StandardWebhookSecret("whsec_AAECAwQ"))
        #expect(unpadded.serialized == "whsec_AAECAwQ=")
        #expect(StandardWebhookSecret("whsec_AAECAwQ=")?.serialized == "whsec_AAECAwQ=")
        #expect(StandardWebhookSecret("whsec_") == nil)
        #expect(StandardWebhookSecret("whsec_not base64!") == nil)
        #expect(StandardWebhookSecret(bytes: []) == nil)
        #expect(StandardWebhookSecret(bytes: [0, 1, 2, 3, 4])?.serialized == "whsec_AAECAwQ=")
    }

    @Test func generatedSecretsAre32RandomBytes() throws {
        let first = StandardWebhookSecret.generate()
        let second = StandardWebhookSecret.generate()
        #expect(first.serialized.hasPrefix("whsec_"))
        #expect(first.serialized != second.serialized)
        let decoded = try #require(Data(base64Encoded: String(first.serialized.dropFirst(6))))
        #expect(decoded.count == 32)
        // Round trip: a generated secret signs, its serialized form verifies.
        let reparsed = try #require(StandardWebhookSecret(first.serialized))
        let now = Date()
        let headers = StandardWebhookSigner(secret: first).headers(id: "msg_1", timestamp: now, body: "{}".utf8)
        try StandardWebhookVerifier(secret: reparsed, now: { now })
            .verify(id: headers[0].value, timestamp: headers[1].value, signature: headers[2].value, body: "{}".utf8)
    }

    @Test func missingHeadersAreNamed() throws {
        let verifier = try verifier()
        #expect(throws: StandardWebhookVerificationError.missingHeader(.id)) {
            try verifier.verify(id: nil, timestamp: "1614265330", signature: expected, body: payload.utf8)
        }
        #expect(throws: StandardWebhookVerificationError.missingHeader(.timestamp)) {
            try verifier.verify(id: messageID, timestamp: nil, signature: expected, body: payload.utf8)
        }
        #expect(throws: StandardWebhookVerificationError.missingHeader(.signature)) {
            try verifier.verify(id: messageID, timestamp: "1614265330", signature: "", body: payload.utf8)
        }
    }

    @Test func invalidTimestamp() throws {
        #expect(throws: StandardWebhookVerificationError.invalidTimestamp) {
            try verifier().verify(id: messageID, timestamp: "hello", signature: expected, body: payload.utf8)
        }
    }

    @Test func invalidSignature() throws {
        #expect(throws: StandardWebhookVerificationError.noMatchingSignature) {
            try verifier().verify(id: messageID, timestamp: "1614265330", signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
                                  body: payload.utf8)
        }
        #expect(throws: StandardWebhookVerificationError.noMatchingSignature, "another version with the right bytes is skipped") {
            try verifier().verify(id: messageID, timestamp: "1614265330", signature: "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                                  body: payload.utf8)
        }
        #expect(throws: StandardWebhookVerificationError.noMatchingSignature, "the body is signed") {
            try verifier().verify(id: messageID, timestamp: "1614265330", signature: expected, body: (payload + " ").utf8)
        }
        #expect(throws: StandardWebhookVerificationError.noMatchingSignature, "the id is signed") {
            try verifier().verify(id: messageID + "x", timestamp: "1614265330", signature: expected, body: payload.utf8)
        }
    }

    @Test func anyOfSeveralSignaturesMayMatch() throws {
        let other = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
        let header = [other, "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", expected, other, "garbage", "v1,%%%"].joined(separator: " ")
        try verifier().verify(id: messageID, timestamp: "1614265330", signature: header, body: payload.utf8)
    }

    @Test(arguments: [-300.0, -1, 0, 1, 300])
    func timestampsWithinToleranceAreAccepted(offset: TimeInterval) throws {
        try verifier(at: offset).verify(id: messageID, timestamp: "1614265330", signature: expected, body: payload.utf8)
    }

    @Test func timestampsOutsideToleranceAreRefused() throws {
        #expect(throws: StandardWebhookVerificationError.timestampTooOld) {
            try verifier(at: 301).verify(id: messageID, timestamp: "1614265330", signature: expected, body: payload.utf8)
        }
        #expect(throws: StandardWebhookVerificationError.timestampTooNew) {
            try verifier(at: -301).verify(id: messageID, timestamp: "1614265330", signature: expected, body: payload.utf8)
        }
        let later = timestamp.addingTimeInterval(11)
        let strict = StandardWebhookVerifier(secret: try secret, tolerance: .seconds(10), now: { later })
        #expect(throws: StandardWebhookVerificationError.timestampTooOld) {
            try strict.verify(id: messageID, timestamp: "1614265330", signature: expected, body: payload.utf8)
        }
        #expect(throws: StandardWebhookVerificationError.timestampTooOld, "the real clock is years past the vector") {
            try StandardWebhookVerifier(secret: try secret).verify(id: messageID, timestamp: "1614265330", signature: expected, body: payload.utf8)
        }
    }

    @Test func secretsStayOutOfDescriptionsAndMirrors() throws {
        let secret = try secret
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [String(describing: secret), String(reflecting: secret), dumped, "\(StandardWebhookSigner(secret: secret))"] {
            #expect(!text.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        }
        #expect(StandardWebhookVerificationError.noMatchingSignature.description == "no matching signature found")
    }
}
