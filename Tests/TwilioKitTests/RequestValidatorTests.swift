import Foundation
import Testing
@testable import TwilioKit

/// Test vectors ported from the official SDKs:
/// - twilio-python `tests/unit/test_request_validator.py`
/// - twilio-node `spec/validation.spec.js` and `spec/unit/webhooks/webhooks.spec.js`
/// - twilio-go `client/request_validator_test.go`
@Suite("TwilioRequestValidator")
struct RequestValidatorTests {
    // MARK: Shared fixtures (identical in all three SDKs)

    let validator = TwilioRequestValidator(authToken: "12345")
    let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    let params: [String: String] = [
        "CallSid": "CA1234567890ABCDE",
        "Caller": "+14158675309",
        "Digits": "1234",
        "From": "+14158675309",
        "To": "+18005551212",
    ]
    let expected = "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    let body = #"{"property": "value", "boolean": true}"#
    let bodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"

    var urlWithBody: String { url + "&bodySHA256=" + bodyHash }

    // MARK: twilio-python tests/unit/test_request_validator.py

    @Test func pythonComputeSignature() {
        #expect(validator.signature(url: url, parameters: params) == expected)
    }

    @Test func pythonComputeHashUnicode() {
        #expect(TwilioRequestValidator.bodySHA256(of: body.utf8) == bodyHash)
    }

    @Test func pythonComputeSignatureDuplicateMultiDict() {
        let duplicates = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")]
        #expect(validator.signature(url: url, parameters: duplicates) == "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
    }

    @Test func pythonComputeSignatureDuplicateQueryDict() {
        let duplicates = FormURLEncoding.decode("Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234")
        #expect(validator.signature(url: url, parameters: duplicates) == "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
    }

    @Test func pythonValidation() {
        #expect(validator.validate(url: url, parameters: params, signature: expected))
    }

    @Test func pythonValidationRemovesPortOnHTTPS() {
        let withPort = url.replacingOccurrences(of: ".com", with: ".com:1234")
        #expect(validator.validate(url: withPort, parameters: params, signature: expected))
    }

    @Test func pythonValidationRemovesPortOnHTTP() {
        let withPort = url.replacingOccurrences(of: ".com", with: ".com:1234").replacingOccurrences(of: "https", with: "http")
        #expect(validator.validate(url: withPort, parameters: params, signature: "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="))
    }

    @Test func pythonValidationAddsPortOnHTTPS() {
        #expect(validator.validate(url: url, parameters: params, signature: "kvajT1Ptam85bY51eRf/AJRuM3w="))
    }

    @Test func pythonValidationAddsPortOnHTTP() {
        let http = url.replacingOccurrences(of: "https", with: "http")
        #expect(validator.validate(url: http, parameters: params, signature: "0ZXoZLH/DfblKGATFgpif+LLRf4="))
    }

    @Test func pythonValidationOfBodySucceeds() {
        #expect(validator.validate(url: urlWithBody, body: body.utf8, signature: "a9nBmqA0ju/hNViExpshrM61xv4="))
    }

    // MARK: twilio-node spec/validation.spec.js

    @Test func nodeSucceedsWithTheCorrectSignature() {
        #expect(validator.validate(url: url, parameters: params, signature: expected))
    }

    @Test func nodeFailsWhenGivenTheWrongSignature() {
        #expect(!validator.validate(url: url, parameters: params, signature: "WRONG_SIGNATURE"))
    }

    @Test func nodeValidatesPostBodyCorrectly() {
        #expect(TwilioRequestValidator.bodySHA256(of: body.utf8) == bodyHash)
    }

    @Test func nodeFailsToValidateWithWrongSHA() {
        #expect(TwilioRequestValidator.bodySHA256(of: body.utf8) != "WRONG_HASH")
        let wrongHashURL = url + "&bodySHA256=WRONG_HASH"
        let signature = validator.signature(url: wrongHashURL)
        #expect(!validator.validate(url: wrongHashURL, body: body.utf8, signature: signature))
    }

    @Test func nodeValidatesRequestBodyWhenGiven() {
        #expect(validator.validate(url: urlWithBody, body: body.utf8, signature: "a9nBmqA0ju/hNViExpshrM61xv4="))
    }

    @Test func nodeValidatesRequestBodyWhenEmpty() {
        let emptyHash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        #expect(TwilioRequestValidator.bodySHA256(of: "{}".utf8) == emptyHash)
        let emptyURL = url + "&bodySHA256=" + emptyHash
        #expect(validator.validate(url: emptyURL, body: "{}".utf8, signature: "Ldidvp12m26NI7eqEvxnEpkd9Hc="))
    }

    @Test func nodeValidatesRequestBodyWithOnlyShaParam() {
        let shortURL = "https://mycompany.com/myapp.php?bodySHA256=" + bodyHash
        #expect(validator.validate(url: shortURL, body: body.utf8, signature: "y77kIzt2vzLz71DgmJGsen2scGs="))
    }

    @Test func nodeFailsValidationIfGivenBodyButNoBodySHA256Param() {
        #expect(!validator.validate(url: url, body: body.utf8, signature: expected))
    }

    @Test func nodeFailsWhenSignatureUndefined() {
        #expect(!validator.validate(url: url, parameters: params, signature: ""))
    }

    @Test func nodeValidatesHTTPSURLsWithPortsByStrippingThem() {
        let withPort = url.replacingOccurrences(of: ".com", with: ".com:1234")
        #expect(validator.validate(url: withPort, parameters: params, signature: expected))
    }

    @Test func nodeValidatesHTTPURLsWithPorts() {
        let withPort = url.replacingOccurrences(of: ".com", with: ".com:1234").replacingOccurrences(of: "https", with: "http")
        #expect(validator.validate(url: withPort, parameters: params, signature: "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="))
    }

    @Test func nodeValidatesHTTPSURLsWithoutPortsByAddingStandardPort443() {
        #expect(validator.validate(url: url, parameters: params, signature: "kvajT1Ptam85bY51eRf/AJRuM3w="))
    }

    @Test func nodeValidatesHTTPURLsWithoutPortsByAddingStandardPort80() {
        let http = url.replacingOccurrences(of: "https", with: "http")
        #expect(validator.validate(url: http, parameters: params, signature: "0ZXoZLH/DfblKGATFgpif+LLRf4="))
    }

    @Test func nodeValidatesURLsWithCredentials() {
        let withCredentials = "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2"
        #expect(validator.validate(url: withCredentials, parameters: params, signature: "CukzLTc1tT5dXEDIHm/tKBanW10="))
    }

    @Test func nodeValidatesURLsWithJustUsername() {
        let withUser = "https://user@mycompany.com/myapp.php?foo=1&bar=2"
        #expect(validator.validate(url: withUser, parameters: params, signature: "2YRLlVAflCqxaNicjMpJcSTgzSs="))
    }

    @Test func nodeValidatesURLsWithCredentialsByAddingPort() {
        let withCredentials = "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2"
        #expect(validator.validate(url: withCredentials, parameters: params, signature: "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI="))
    }

    @Test func nodeValidatesURLsWithSpecialCharacters() {
        let special = url + "&Body=It's+amazing"
        #expect(validator.validate(url: special, parameters: params, signature: "dsq4Ehbj6cs+KdTkpF5sSSplOWw="))
    }

    @Test(arguments: [["+1325xxxxxxx", "+1415xxxxxxx"], ["+1415xxxxxxx", "+1325xxxxxxx"]])
    func nodeValidatesRequestBodyWithAnArrayParameterInAnyOrder(addresses: [String]) {
        let parameters = addresses.map { ("MessagingBinding.Address", $0) }
        #expect(validator.validate(url: url, parameters: parameters, signature: "83O6e2vORAoJHUNzJjDWN1jz+BA="))
    }

    @Test func nodeValidatesRequestBodyWithMultipleParamsAndValues() {
        let parameters = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234"), ("Digits", "1234")]
        #expect(validator.validate(url: url, parameters: parameters, signature: "IK+Dwps556ElfBT0I3Rgjkr1wJU="))
    }

    // MARK: twilio-node spec/unit/webhooks/webhooks.spec.js (signatures computed with the same token)

    /// Signs `serverURL` like `getExpectedTwilioSignature` and validates against `targetURL`.
    private func nodeWebhook(serverURL: String, targetURL: String) -> Bool {
        let validator = TwilioRequestValidator(authToken: "s3cr3t")
        return validator.validate(url: targetURL, parameters: [], signature: validator.signature(url: serverURL))
    }

    @Test func nodeWebhookFalseWhenSignatureURLDoesNotMatchTargetURL() {
        #expect(!nodeWebhook(serverURL: "https://example.com/path?test=param", targetURL: "https://example.com/path?test=param2"))
    }

    @Test(arguments: [
        ("https://example.com:443/path?test=param", "https://example.com:443/path?test=param"),
        ("https://example.com:443/path?test=param", "https://example.com/path?test=param"),
        ("https://example.com/path?test=param", "https://example.com/path?test=param"),
        ("https://example.com/path?test=param", "https://example.com:443/path?test=param"),
    ])
    func nodeWebhookTrueWithAndWithoutPort(serverURL: String, targetURL: String) {
        #expect(nodeWebhook(serverURL: serverURL, targetURL: targetURL))
    }

    @Test(arguments: [
        ("https://example.com/path?test=param'WithQuote", "https://example.com/path?test=param'WithQuote"),
        ("https://example.com/path?test=param'WithQuote", "https://example.com/path?test=param%27WithQuote"),
        ("https://example.com/path?test=param%27WithQuote", "https://example.com/path?test=param'WithQuote"),
        ("https://example.com/path?test=param%27WithQuote", "https://example.com/path?test=param%27WithQuote"),
    ])
    func nodeWebhookTrueWithEscapedAndUnescapedSingleQuote(serverURL: String, targetURL: String) {
        #expect(nodeWebhook(serverURL: serverURL, targetURL: targetURL))
    }

    // MARK: twilio-go client/request_validator_test.go

    let goSignature = "vOEb5UThFn24KEfnOFLQY2AE5FY="
    let goParams: [String: String] = [
        "Digits": "1234",
        "CallSid": "CA1234567890ABCDE",
        "To": "+18005551212",
        "Caller": "+14158675309",
        "From": "+14158675309",
        "ReasonConferenceEnded": "test",
        "Reason": "Participant",
    ]

    @Test func goValidateReturnsTrueWhenValidationSucceeds() {
        #expect(validator.signature(url: url, parameters: goParams) == goSignature)
        #expect(validator.validate(url: url, parameters: goParams, signature: goSignature))
    }

    @Test func goValidateReturnsFalseWhenValidationFails() {
        #expect(!validator.validate(url: url, parameters: goParams, signature: "WRONG SIGNATURE"))
    }

    @Test func goValidateHTTPSWithPortSignedWithoutIt() {
        let withPort = url.replacingOccurrences(of: ".com", with: ".com:1234")
        #expect(validator.validate(url: withPort, parameters: goParams, signature: goSignature))
    }

    @Test func goValidateHTTPSSignedWithoutPort() {
        #expect(validator.validate(url: url, parameters: goParams, signature: "vOEb5UThFn24KEfnOFLQY2AE5FY="))
    }

    @Test func goValidateHTTPSignedWithoutPort() {
        let http = url.replacingOccurrences(of: "https", with: "http")
        #expect(validator.validate(url: http, parameters: goParams, signature: "n2xBNyzSW7rfYStDtOFiFMv7qNo="))
    }

    @Test func goValidateHTTPWithPortSignedWithoutIt() {
        let withPort = url.replacingOccurrences(of: ".com", with: ".com:1234").replacingOccurrences(of: "https", with: "http")
        #expect(validator.validate(url: withPort, parameters: goParams, signature: "n2xBNyzSW7rfYStDtOFiFMv7qNo="))
    }

    @Test func goValidateReturnsFalseWhenParamsAreSortedIncorrectly() {
        // Signed with ReasonConferenceEnded before Reason, i.e. sorting "name+value" strings.
        #expect(!validator.validate(url: url, parameters: goParams, signature: "95+Bu0JVPi0r/SsESZCVf0dWAjw="))
    }

    @Test func goValidateBodySucceedsWithJSONBody() {
        #expect(validator.validate(url: urlWithBody, body: body.utf8, signature: "a9nBmqA0ju/hNViExpshrM61xv4="))
    }

    @Test func goValidateBodySucceedsWithFormBody() {
        let formBody = "property=value&boolean=true"
        #expect(validator.validate(url: url, body: formBody.utf8, signature: "NBdBDr/T/lgjI+tlgpXjKZQZs/k="))
    }

    @Test func goValidateBodyFailsWithJSONBodyAndNoHash() {
        #expect(!validator.validate(url: url, body: body.utf8, signature: goSignature))
    }

    @Test func goValidateBodyWithNoOtherParameters() {
        let shortURL = "https://mycompany.com/myapp.php?bodySHA256=" + bodyHash
        #expect(validator.validate(url: shortURL, body: body.utf8, signature: "y77kIzt2vzLz71DgmJGsen2scGs="))
    }

    // MARK: Behaviour beyond the SDK vectors

    @Test func bodyHashMismatchFailsEvenWithAValidURLSignature() {
        #expect(!validator.validate(url: urlWithBody, body: (body + " ").utf8, signature: "a9nBmqA0ju/hNViExpshrM61xv4="))
    }

    @Test func signingAJSONWebhookRoundTrips() {
        let signedURL = TwilioRequestValidator.appendingBodySHA256(to: url, body: body.utf8)
        #expect(signedURL == urlWithBody)
        #expect(validator.signature(url: signedURL) == "a9nBmqA0ju/hNViExpshrM61xv4=")
        let bare = TwilioRequestValidator.appendingBodySHA256(to: "https://mycompany.com/myapp.php#frag", body: body.utf8)
        #expect(bare == "https://mycompany.com/myapp.php?bodySHA256=" + bodyHash + "#frag")
    }

    @Test func dictionaryAndTupleParametersSignAlike() {
        let tuples = params.map { ($0.key, $0.value) }.reversed()
        #expect(validator.signature(url: url, parameters: Array(tuples)) == validator.signature(url: url, parameters: params))
    }

    @Test func tamperedParametersFail() {
        var tampered = params
        tampered["Digits"] = "9999"
        #expect(!validator.validate(url: url, parameters: tampered, signature: expected))
    }

    @Test func signatureIsCaseSensitive() {
        #expect(!validator.validate(url: url, parameters: params, signature: expected.lowercased()))
    }

    @Test func ordersNamesByCodePointNotByCanonicalEquivalence() {
        // "e\u{301}" and "\u{E9}" are equal as Swift Strings but different code points; each is kept.
        let parameters = [("\u{E9}", "1"), ("e\u{301}", "2")]
        let signed = validator.signature(url: url, parameters: parameters)
        #expect(signed == validator.signature(url: url + "e\u{301}2\u{E9}1"))
    }

    @Test func descriptionsNeverRevealTheToken() {
        let secret = TwilioRequestValidator(authToken: "super-secret-token")
        let expectedDescription = "TwilioRequestValidator(authToken: <redacted>)"
        #expect(String(describing: secret) == expectedDescription)
        #expect(String(reflecting: secret) == expectedDescription)
        #expect("\(secret)" == expectedDescription)
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("super-secret-token"))
        #expect(!String(describing: Mirror(reflecting: secret).children.map(\.value)).contains("secret"))
    }

    @Test func urlVariantsCoverPortsAndQueryEncodings() {
        let candidates = WebhookURLVariants.candidates(for: "https://Example.com/a b?x=It's+ok")
        #expect(candidates.contains("https://Example.com/a b?x=It's+ok"))
        #expect(candidates.contains("https://Example.com:443/a b?x=It's+ok"))
        #expect(candidates.contains("https://example.com/a%20b?x=It%27s+ok"))
        #expect(candidates.contains("https://example.com/a%20b?x=It's%20ok"))
        #expect(WebhookURLVariants.candidates(for: "not a url") == ["not a url"])
    }

    @Test func webhookURLSplitsIPv6HostsAndKeepsTheInputExactly() throws {
        let parsed = try #require(WebhookURL("http://u:p@[::1]:8080/p?q=1#f"))
        #expect(parsed.host == "[::1]")
        #expect(parsed.port == "8080")
        #expect(parsed.userInfo == "u:p")
        #expect(parsed.string == "http://u:p@[::1]:8080/p?q=1#f")
        #expect(parsed.withoutPort.string == "http://u:p@[::1]/p?q=1#f")
        #expect(try #require(WebhookURL("http://[::1]/")).withDefaultPort.string == "http://[::1]:80/")
    }
}
