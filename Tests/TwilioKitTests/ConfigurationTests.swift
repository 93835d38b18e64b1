import Foundation
import Testing
@testable import TwilioKit

@Suite("Credentials and endpoints from the environment")
struct ConfigurationTests {
    let sid = "AC11111111111111111111111111111111"

    @Test func noCredentialsMeansNoConfiguration() throws {
        #expect(try TwilioConfiguration.fromEnvironment([:]) == nil)
    }

    @Test func accountSIDAndAuthToken() throws {
        let configuration = try #require(try TwilioConfiguration.fromEnvironment(["TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "tok"]))
        #expect(configuration.credentials == .authToken(accountSID: sid, authToken: "tok"))
        #expect(configuration.endpoint == .twilio())
        #expect(configuration.credentials.webhookSigningKey == "tok")
    }

    @Test func apiKeyTakesPrecedenceOverAuthToken() throws {
        let environment = ["TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "tok",
                           "TWILIO_API_KEY": "SK22222222222222222222222222222222", "TWILIO_API_SECRET": "secret"]
        let configuration = try #require(try TwilioConfiguration.fromEnvironment(environment))
        #expect(configuration.credentials.username == "SK22222222222222222222222222222222")
        #expect(configuration.credentials.accountSID == sid)
        #expect(configuration.credentials.webhookSigningKey == nil)
    }

    @Test func incompleteCredentialsNameTheMissingVariable() {
        #expect(throws: TwilioConfigurationError.missing("TWILIO_AUTH_TOKEN")) {
            try TwilioConfiguration.fromEnvironment(["TWILIO_ACCOUNT_SID": sid])
        }
        #expect(throws: TwilioConfigurationError.missing("TWILIO_ACCOUNT_SID")) {
            try TwilioConfiguration.fromEnvironment(["TWILIO_AUTH_TOKEN": "tok"])
        }
        #expect(throws: TwilioConfigurationError.missing("TWILIO_API_SECRET")) {
            try TwilioConfiguration.fromEnvironment(["TWILIO_ACCOUNT_SID": sid, "TWILIO_API_KEY": "SK1"])
        }
        #expect(throws: TwilioConfigurationError.malformed("TWILIO_ACCOUNT_SID", rule: "an Account SID starts with AC")) {
            try TwilioConfiguration.fromEnvironment(["TWILIO_ACCOUNT_SID": "XX1", "TWILIO_AUTH_TOKEN": "tok"])
        }
    }

    @Test func regionAndEdgeRewriteHostsLikeTheOfficialSDKs() throws {
        // twilio-python tests/unit/base/test_client.py: edge alone implies us1; region alone has no edge.
        #expect(TwilioEndpoint.twilio().origin(of: .api) == "https://api.twilio.com")
        #expect(TwilioEndpoint.twilio(region: "au1").origin(of: .api) == "https://api.au1.twilio.com")
        #expect(TwilioEndpoint.twilio(edge: "sydney").origin(of: .verify) == "https://verify.sydney.us1.twilio.com")
        #expect(TwilioEndpoint.twilio(region: "au1", edge: "sydney").origin(of: .lookups) == "https://lookups.sydney.au1.twilio.com")
        let configuration = try #require(try TwilioConfiguration.fromEnvironment(
            ["TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "tok", "TWILIO_REGION": "ie1", "TWILIO_EDGE": "dublin"]))
        #expect(configuration.endpoint.origin(of: .intelligence) == "https://intelligence.dublin.ie1.twilio.com")
    }

    @Test func baseURLServesEveryDomainUnderItsPrefix() throws {
        let configuration = try #require(try TwilioConfiguration.fromEnvironment(
            ["TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "tok", "TWILIO_BASE_URL": "http://127.0.0.1:4010/"]))
        for domain in TwilioDomain.allCases {
            #expect(configuration.endpoint.origin(of: domain) == "http://127.0.0.1:4010/\(domain.rawValue)")
        }
        #expect(throws: TwilioConfigurationError.self) {
            try TwilioConfiguration.fromEnvironment(["TWILIO_ACCOUNT_SID": sid, "TWILIO_AUTH_TOKEN": "tok", "TWILIO_BASE_URL": "localhost:4010"])
        }
    }

    @Test func secretsStayOutOfDescriptionsAndMirrors() {
        let credentials = TwilioCredentials.apiKey("SK1", secret: "very-secret", accountSID: sid)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in ["\(credentials)", String(reflecting: credentials), dumped] { #expect(!text.contains("very-secret")) }
    }
}

@Suite("Form encoding and dates")
struct FormAndDateTests {
    @Test func arraysRepeatTheKeyAndEscapingIsStrict() {
        var form = FormParameters()
        form.add("MediaUrl", ["https://a.test/x?y=1&z=2", "https://b.test/ü"])
        form.add("Body", "a b+c&d=e")
        form.add("Missing", nil as String?)
        #expect(form.encoded == "MediaUrl=https%3A%2F%2Fa.test%2Fx%3Fy%3D1%26z%3D2&MediaUrl=https%3A%2F%2Fb.test%2F%C3%BC&Body=a%20b%2Bc%26d%3De")
        #expect(FormParameters.decode(form.encoded) == form)
        #expect(FormParameters.decode("Body=a+b") == ["Body": "a b"])
        #expect(FormParameters().encodedBytes.isEmpty)
        #expect(String(decoding: (["": "", "To": "+1 415"] as FormParameters).encodedBytes, as: UTF8.self) == "=&To=%2B1%20415")
    }

    @Test func dateFiltersUseTwilioOperators() throws {
        let date = try #require(TwilioDateFormat.date(from: "2024-02-29T13:14:15Z"))
        var query = FormParameters()
        query.add("DateSent", DateFilter.on(date))
        query.add("StartTime", DateFilter.after(date, precision: .time))
        query.add("EndTime", DateFilter.before(date))
        #expect(query.items.map(\.name) == ["DateSent", "StartTime>", "EndTime<"])
        #expect(query.items.map(\.value) == ["2024-02-29", "2024-02-29T13:14:15Z", "2024-02-29"])
    }

    @Test func bothDateFormatsDecode() throws {
        let rfc = try #require(TwilioDateFormat.date(from: "Thu, 24 Aug 2023 05:01:45 +0000"))
        let iso = try #require(TwilioDateFormat.date(from: "2023-08-24T05:01:45Z"))
        #expect(rfc == iso)
        #expect(TwilioDateFormat.date(from: "Thu, 24 Aug 2023 07:01:45 +0200") == iso)
        #expect(TwilioDateFormat.date(from: "2023-08-24T05:01:45.000Z") == iso)
        #expect(TwilioDateFormat.rfc2822String(from: iso) == "Thu, 24 Aug 2023 05:01:45 +0000")
        #expect(TwilioDateFormat.date(from: "yesterday") == nil)
    }

    @Test func unknownEnumValuesDecodeAsUnknown() throws {
        let statuses = try JSONDecoder().decode([MessageStatus].self, from: Data(#"["delivered","teleported","partially_delivered"]"#.utf8))
        #expect(statuses == [.delivered, .unknown, .partiallyDelivered])
    }
}
