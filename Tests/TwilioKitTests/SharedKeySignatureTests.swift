import Foundation
import Testing
@testable import TwilioKit

/// Twilio's signing with SharedKeys (`X-Twilio-Webhooks-Signature-Settings`), held to
/// twilio-python 9.13: its `get_signature_algorithm` for header parsing and its `RequestValidator`
/// (key = the secret's UTF-8 bytes, same signed string, HMAC-SHA256) for the vectors below, which
/// were computed by running that code (Twilio publishes no SHA-256 test vectors).
@Suite("Twilio signatures with shared keys")
struct SharedKeySignatureTests {
    let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    let params: [String: String] = [
        "CallSid": "CA1234567890ABCDE",
        "Caller": "+14158675309",
        "Digits": "1234",
        "From": "+14158675309",
        "To": "+18005551212",
    ]
    let body = #"{"property": "value", "boolean": true}"#
    let bodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
    let keyID = "webhooks_sharedkey_01abc"
    let sha256Settings = "key=webhooks_sharedkey_01abc,algorithm=HMAC_SHA256"

    /// A validator whose Auth Token differs from the shared key `12345` the vectors use.
    var validator: TwilioRequestValidator {
        TwilioRequestValidator(authToken: "auth-token", sharedKeys: [keyID: "12345", "webhooks_sharedkey_old": "old-secret"])
    }

    // MARK: get_signature_algorithm (twilio-python 9.13), every row run against the real code

    @Test(arguments: [
        (nil, "HMAC_SHA1"),
        ("", "HMAC_SHA1"),
        ("key=k", "HMAC_SHA1"),
        ("algorithm=", "HMAC_SHA1"),
        ("key=webhooks_sharedkey_01abc,algorithm=HMAC_SHA256", "HMAC_SHA256"),
        ("algorithm=HMAC_SHA1,key=k", "HMAC_SHA1"),
        (" key = k , algorithm = HMAC_SHA256 ", "HMAC_SHA256"),
        ("algorithm=hmac_sha256", "hmac_sha256"),
        ("foo,algorithm=HMAC_SHA512", "HMAC_SHA512"),
        ("Algorithm=HMAC_SHA256", "HMAC_SHA1"),
        ("algorithm=HMAC_SHA256=x", "HMAC_SHA256=x"),
        ("algorithm= ,algorithm=HMAC_SHA256", "HMAC_SHA256"),
        ("algorithm=HMAC_SHA256,algorithm=HMAC_SHA1", "HMAC_SHA256"),
        ("algorithm\t=\tHMAC_SHA256\n", "HMAC_SHA256"),
        ("algorithm=\u{1C}HMAC_SHA256\u{1F}", "HMAC_SHA256"),
        ("algorithm=\u{A0}HMAC_SHA256\u{3000}", "HMAC_SHA256"),
        ("algorithm=\u{200B}HMAC_SHA256", "\u{200B}HMAC_SHA256"),
        ("algorithm=hmac_\u{17F}ha256", "hmac_\u{17F}ha256"),
        ("algorithm", "HMAC_SHA1"),
        ("=HMAC_SHA256", "HMAC_SHA1"),
        ("key=k;algorithm=HMAC_SHA256", "HMAC_SHA1"),
        (",,algorithm=HMAC_SHA256,,", "HMAC_SHA256"),
    ] as [(String?, String)])
    func algorithmNameIsParsedLikeTwilioPython(header: String?, expected: String) {
        #expect(TwilioSignatureSettings.algorithmName(in: header).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    /// Python upper-cases the name before its lookup: these are the rows it accepts.
    @Test(arguments: [
        ("HMAC_SHA1", TwilioSignatureAlgorithm.hmacSHA1),
        ("hmac_sha256", .hmacSHA256),
        ("Hmac_Sha256", .hmacSHA256),
        ("hmac_\u{17F}ha256", .hmacSHA256),
    ])
    func algorithmNamesAreMatchedUpperCased(name: String, expected: TwilioSignatureAlgorithm) {
        #expect(TwilioSignatureAlgorithm(named: name) == expected)
    }

    @Test(arguments: ["HMAC_SHA512", "HMAC_SHA256=x", "\u{200B}HMAC_SHA256", "SHA256", ""])
    func unknownAlgorithmsAreUnsupported(name: String) {
        #expect(TwilioSignatureAlgorithm(named: name) == nil)
    }

    @Test func settingsHeaderParsesTheKeyLikeTheAlgorithm() throws {
        let settings = try #require(TwilioSignatureSettings(header: " algorithm = HMAC_SHA256 , key = webhooks_sharedkey_01abc "))
        #expect(settings.keyID == keyID)
        #expect(settings.algorithm == .hmacSHA256)
        #expect(TwilioSignatureSettings(header: "algorithm=HMAC_SHA256")?.keyID == nil)
        #expect(TwilioSignatureSettings(header: "key=,key=k2")?.keyID == "k2")
        #expect(TwilioSignatureSettings(header: "key=k")?.algorithm == .hmacSHA1, "no algorithm means HMAC_SHA1")
        #expect(TwilioSignatureSettings(header: "key=k,algorithm=HMAC_SHA512")?.algorithm == nil)
        for blank in [nil, "", " \t "] as [String?] {
            #expect(TwilioSignatureSettings(header: blank) == nil, "a missing or blank header means the Auth Token")
        }
        let written = TwilioSignatureSettings(keyID: keyID, algorithm: .hmacSHA256)
        #expect(written.headerValue == sha256Settings)
        #expect(TwilioSignatureSettings(header: written.headerValue) == written)
    }

    // MARK: HMAC-SHA256 vectors (key "12345", computed with twilio-python 9.13)

    @Test(arguments: [
        ("https://mycompany.com/myapp.php?foo=1&bar=2", "033hgUJA9M/hXIZsYjwkerEP/DBm35nEri5FhCYjA5s="),
        ("https://mycompany.com:443/myapp.php?foo=1&bar=2", "grxRoa/VNtXxd524NGLxIdev83nh23xhrRUVm50Umq4="),
        ("http://mycompany.com/myapp.php?foo=1&bar=2", "m96HFzZE/HZQc/kCRDjQASUX79mbozo6EuezNL8BQ24="),
        ("http://mycompany.com:80/myapp.php?foo=1&bar=2", "ODeP/nQxuJxUFE1ZQI8xHKjbKi73mCWdY4em0wBbj/k="),
        ("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "WA3ikDp0gGYMmQALZ1U9mdekQ5p5QQTP4u2AZz1C0ng="),
        ("https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing", "hdpYt+PjpwzOJ7mc/ysYE/5ZA6Vty12EYzws2fJ+sco="),
    ])
    func sha256SignaturesMatchTwilioPython(signedURL: String, expected: String) {
        let signer = TwilioRequestSigner(sharedKeyID: keyID, secret: "12345", algorithm: .hmacSHA256)
        #expect(signer.signature(url: signedURL, parameters: params) == expected)
        #expect(validator.check(url: signedURL, parameters: params, signature: expected, signatureSettings: sha256Settings)
            == .valid(keyID: keyID, algorithm: .hmacSHA256))
    }

    @Test func sha256ValidatesWithAndWithoutTheDefaultPort() {
        // Signed over the :443 form, received without a port; and the reverse.
        let check = validator.check(url: url, parameters: params, signature: "grxRoa/VNtXxd524NGLxIdev83nh23xhrRUVm50Umq4=",
                                    signatureSettings: sha256Settings)
        #expect(check.isValid)
        let withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2"
        #expect(validator.check(url: withPort, parameters: params, signature: "033hgUJA9M/hXIZsYjwkerEP/DBm35nEri5FhCYjA5s=",
                                signatureSettings: sha256Settings).isValid)
        let http = "http://mycompany.com/myapp.php?foo=1&bar=2"
        #expect(validator.check(url: http, parameters: params, signature: "ODeP/nQxuJxUFE1ZQI8xHKjbKi73mCWdY4em0wBbj/k=",
                                signatureSettings: sha256Settings).isValid)
    }

    @Test func sha256NoParametersMultiValueAndArrays() {
        let signer = TwilioRequestSigner(sharedKeyID: keyID, secret: "12345")
        #expect(signer.signature(url: url) == "M5sDn7HQLZ2oOEt/pdNtlwOrdCfzOTE0f6NWiCCM6Tg=")
        let repeated = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234"), ("Digits", "1234")]
        #expect(validator.check(url: url, parameters: repeated, signature: "jco7II1lvHpqANwxYMpqhOGVonnkKyDh1cL2ZUBvMDs=",
                                signatureSettings: sha256Settings).isValid)
        for addresses in [["+1415xxxxxxx", "+1325xxxxxxx"], ["+1325xxxxxxx", "+1415xxxxxxx"]] {
            let parameters = addresses.map { ("MessagingBinding.Address", $0) }
            #expect(validator.check(url: url, parameters: parameters, signature: "LFsCKonySoJJ5LEuE1Yup2PBG8Qp2U1sV3DTwGuY/r4=",
                                    signatureSettings: sha256Settings).isValid)
        }
    }

    @Test func sha256JSONBody() {
        let jsonURL = url + "&bodySHA256=" + bodyHash
        let signature = "+UOCWf84gdgo/5Hpg4m5/EgKnJA2/TbOw5sPNVr3bPk="
        #expect(validator.check(url: jsonURL, body: body.utf8, signature: signature, signatureSettings: sha256Settings)
            == .valid(keyID: keyID, algorithm: .hmacSHA256))
        #expect(validator.check(url: jsonURL, body: (body + " ").utf8, signature: signature, signatureSettings: sha256Settings)
            == .invalid(.bodyHashMismatch))
        let signer = TwilioRequestSigner(sharedKeyID: keyID, secret: "12345")
        let signed = signer.signedJSONRequest(url: url, body: body.utf8)
        #expect(signed.url == jsonURL)
        #expect(signed.headers.map(\.name) == ["X-Twilio-Signature", "X-Twilio-Webhooks-Signature-Settings"])
        #expect(signed.headers.map(\.value) == [signature, sha256Settings])
    }

    @Test func secretLikeKeyVectors() {
        let smsURL = "https://example.com/sms"
        let parameters = [("Body", "Hello"), ("From", "+15551234567"), ("MessageSid", "SM123"), ("To", "+15557654321")]
        let sha256 = TwilioRequestSigner(sharedKeyID: "k", secret: "whsk_test_secret", algorithm: .hmacSHA256)
        let sha1 = TwilioRequestSigner(sharedKeyID: "k", secret: "whsk_test_secret", algorithm: .hmacSHA1)
        #expect(sha256.signature(url: smsURL, parameters: parameters) == "jpeAaa5qY4ZrsXpUY8wYXYwO7nE69clmgkMYk6/OmNs=")
        #expect(sha1.signature(url: smsURL, parameters: parameters) == "BH/tUcF/di+5Wqb1xTpG3XMCZE8=")
        let node = TwilioRequestSigner(sharedKeyID: "k", secret: "s3cr3t")
        #expect(node.signature(url: "https://example.com/path?test=param") == "vGND/LQUiRmzqkdyYtPaYTMNlumvht+bv3I/p5EEOxU=")
        #expect(node.signature(url: "https://example.com:443/path?test=param") == "PUMEY7tmqXoMV9iFnYzOVCVkxKt7kqI5DqKFwQzBDek=")
    }

    @Test func eventStreamsDeliveryVector() {
        let delivery = #"[{"specversion":"1.0","type":"com.twilio.eventstreams.test-event","source":"Sink","id":"AC11111111111111111111111111111111","dataschema":"https://events-schemas.twilio.com/EventStreams.TestSink/1.json","datacontenttype":"application/json","time":"2026-06-10T06:02:54.377Z","data":{"test_id":"cae2f9e2-c277-4612-8ad3-93c1a7a3ef88"}}]"#
        let hash = "f4dc494f1e604a19df36cdd069f7956b1f261dc954ae1c698ed8b4939fd9ab54"
        #expect(TwilioRequestValidator.bodySHA256(of: delivery.utf8) == hash)
        let sinkURL = "https://example.com/twilio/events?bodySHA256=" + hash
        let byToken = TwilioRequestValidator(authToken: "12345", sharedKeys: ["k": "12345"])
        #expect(byToken.check(url: sinkURL, body: delivery.utf8, signature: "xWpMQ9oup5I4GzSsMkdAInacfMM=", signatureSettings: nil)
            == .valid(keyID: nil, algorithm: .hmacSHA1))
        #expect(byToken.check(url: sinkURL, body: delivery.utf8, signature: "RcP/7sVLGUjYKzJdX0bu24V1e1fLhcGOohyNIAcHrqo=",
                              signatureSettings: "key=k,algorithm=HMAC_SHA256") == .valid(keyID: "k", algorithm: .hmacSHA256))
        #expect(byToken.check(url: sinkURL, body: delivery.replacingOccurrences(of: "Sink", with: "Snk").utf8,
                              signature: "xWpMQ9oup5I4GzSsMkdAInacfMM=", signatureSettings: nil) == .invalid(.bodyHashMismatch))
    }

    // MARK: Which key, which algorithm, and why a check fails

    @Test func sha1WithASharedKey() {
        let signer = TwilioRequestSigner(sharedKeyID: keyID, secret: "12345", algorithm: .hmacSHA1)
        // The same key and algorithm as the Auth Token vectors, so the official SHA-1 value applies.
        #expect(signer.signature(url: url, parameters: params) == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        let headers = signer.headers(url: url, parameters: params.map { ($0.key, $0.value) })
        #expect(headers.last?.value == "key=webhooks_sharedkey_01abc,algorithm=HMAC_SHA1")
        #expect(validator.check(url: url, parameters: params, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", signatureSettings: headers.last?.value)
            == .valid(keyID: keyID, algorithm: .hmacSHA1))
        #expect(validator.check(url: url, parameters: params, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", signatureSettings: "key=\(keyID)")
            == .valid(keyID: keyID, algorithm: .hmacSHA1), "a header without algorithm means HMAC_SHA1 with the named key")
    }

    @Test func withoutTheSettingsHeaderTheAuthTokenAndSHA1AreUsed() {
        let tokenSigner = TwilioRequestSigner(authToken: "auth-token")
        #expect(tokenSigner.headers(url: url).map(\.name) == ["X-Twilio-Signature"])
        #expect(tokenSigner.signatureSettings == nil)
        let signature = tokenSigner.signature(url: url, parameters: params)
        for settings in [nil, "", "  "] as [String?] {
            #expect(validator.check(url: url, parameters: params, signature: signature, signatureSettings: settings)
                == .valid(keyID: nil, algorithm: .hmacSHA1))
        }
        // A shared-key signature is not accepted when the header that names the key is stripped.
        let shared = TwilioRequestSigner(sharedKeyID: keyID, secret: "12345").signature(url: url, parameters: params)
        #expect(validator.check(url: url, parameters: params, signature: shared, signatureSettings: nil) == .invalid(.signatureMismatch))
    }

    @Test func unknownKeysAndAlgorithmsNeverFallBackToTheAuthToken() {
        let tokenSignature = TwilioRequestSigner(authToken: "auth-token").signature(url: url, parameters: params)
        #expect(validator.check(url: url, parameters: params, signature: tokenSignature, signatureSettings: "key=other,algorithm=HMAC_SHA1")
            == .invalid(.unknownKeyID("other")))
        #expect(validator.check(url: url, parameters: params, signature: tokenSignature, signatureSettings: "algorithm=HMAC_SHA1")
            == .invalid(.missingKeyID))
        #expect(validator.check(url: url, parameters: params, signature: tokenSignature, signatureSettings: "key=\(keyID),algorithm=HMAC_SHA512")
            == .invalid(.unsupportedAlgorithm("HMAC_SHA512")))
        let tokenOnly = TwilioRequestValidator(authToken: "auth-token")
        #expect(tokenOnly.check(url: url, parameters: params, signature: tokenSignature, signatureSettings: sha256Settings)
            == .invalid(.unknownKeyID(keyID)))
        #expect(tokenOnly.check(url: url, parameters: params, signature: tokenSignature, signatureSettings: nil).isValid)
    }

    @Test func aSHA256SignatureDoesNotPassAsSHA1() {
        let sha256 = "033hgUJA9M/hXIZsYjwkerEP/DBm35nEri5FhCYjA5s="
        #expect(validator.check(url: url, parameters: params, signature: sha256, signatureSettings: "key=\(keyID),algorithm=HMAC_SHA1")
            == .invalid(.signatureMismatch))
        #expect(validator.check(url: url, parameters: params, signature: sha256, signatureSettings: "key=\(keyID),algorithm=hmac_sha256")
            == .valid(keyID: keyID, algorithm: .hmacSHA256))
    }

    @Test func severalKeysAreAcceptedAtOnceForRotation() {
        let old = TwilioRequestSigner(sharedKeyID: "webhooks_sharedkey_old", secret: "old-secret")
        let new = TwilioRequestSigner(sharedKeyID: keyID, secret: "12345")
        for signer in [old, new] {
            let headers = signer.headers(url: url, parameters: [("Body", "Hi")])
            #expect(validator.check(url: url, parameters: [("Body", "Hi")], signature: headers[0].value, signatureSettings: headers[1].value)
                == .valid(keyID: signer.keyID, algorithm: .hmacSHA256))
        }
        // The old key's signature under the new key's id does not pass.
        #expect(validator.check(url: url, parameters: [("Body", "Hi")], signature: old.signature(url: url, parameters: [("Body", "Hi")]),
                                signatureSettings: sha256Settings) == .invalid(.signatureMismatch))
    }

    @Test func missingSignatures() {
        for signature in [nil, ""] as [String?] {
            #expect(validator.check(url: url, parameters: params, signature: signature, signatureSettings: nil) == .invalid(.missingSignature))
            #expect(validator.check(url: url, body: body.utf8, signature: signature, signatureSettings: sha256Settings) == .invalid(.missingSignature))
        }
    }

    @Test func formBodiesAreDecodedWhenTheURLHasNoBodyHash() {
        let signer = TwilioRequestSigner(sharedKeyID: keyID, secret: "12345")
        let formBody = "Body=Hello+there&From=%2B15551234567"
        let signature = signer.signature(url: url, parameters: [("Body", "Hello there"), ("From", "+15551234567")])
        #expect(validator.check(url: url, body: formBody.utf8, signature: signature, signatureSettings: sha256Settings).isValid)
        #expect(validator.check(url: url, body: (formBody + "1").utf8, signature: signature, signatureSettings: sha256Settings)
            == .invalid(.signatureMismatch))
    }

    // MARK: Logging without secrets

    @Test func resultsDescribeWhyWithoutSecrets() {
        #expect(TwilioSignatureCheck.valid(keyID: nil, algorithm: .hmacSHA1).description == "valid (Auth Token, HMAC_SHA1)")
        #expect(TwilioSignatureCheck.valid(keyID: "k1", algorithm: .hmacSHA256).description == #"valid (shared key "k1", HMAC_SHA256)"#)
        #expect(TwilioSignatureCheck.invalid(.bodyHashMismatch).description == "invalid: the body does not match its bodySHA256")
        let hostile = TwilioSignatureFailure.unknownKeyID("evil\n" + String(repeating: "x", count: 100))
        #expect(!hostile.description.contains("\n"), "header values are escaped")
        #expect(hostile.description.count < 100, "header values are shortened")
        let failures: [TwilioSignatureFailure] = [.missingSignature, .missingKeyID, .unknownKeyID("k"), .unsupportedAlgorithm("MD5"),
                                                  .signatureMismatch, .bodyHashMismatch]
        #expect(Set(failures.map(\.description)).count == failures.count)
    }

    @Test func secretsStayOutOfDescriptionsAndMirrors() {
        let validator = TwilioRequestValidator(authToken: "token-secret-value", sharedKeys: ["webhooks_sharedkey_1": "shared-secret-value"])
        let signer = TwilioRequestSigner(sharedKeyID: "webhooks_sharedkey_1", secret: "shared-secret-value")
        let tokenSigner = TwilioRequestSigner(authToken: "token-secret-value")
        for subject in [validator as Any, signer, tokenSigner] {
            var dumped = ""
            dump(subject, to: &dumped)
            for text in [String(describing: subject), String(reflecting: subject), dumped] {
                #expect(!text.contains("secret-value"))
            }
        }
        #expect(String(describing: signer).contains("webhooks_sharedkey_1"), "the key id is not a secret")
    }
}
