import Foundation
import TwilioKit

/// Any Twilio REST operation the catalogue lacks: method, domain, path and parameters.
enum CustomActions {
    static let accountSidPlaceholder = "{AccountSid}"

    static let customRequest = CoreAction(
        "customRequest", title: "Custom Request",
        summary: "Call any Twilio REST endpoint with this connection: method, domain, path and parameters; answers the status and JSON body.",
        parameters: [
            .init("Method", .choice(["GET", "POST", "DELETE"]), default: "GET", "GET (default), POST or DELETE."),
            .init("Domain", .choice(TwilioDomain.allCases.map(\.rawValue)), default: "api",
                  "The product domain: api (default), lookups, verify, intelligence, content or messaging."),
            .init("Path", .string(.nonEmpty), required: true,
                  "The path below the domain, starting with /, such as /2010-04-01/Accounts/{AccountSid}/Calls.json; {AccountSid} is replaced."),
            .init("Parameters", .object, "The parameters: the query string for GET and DELETE, the form body for POST; arrays repeat the key."),
        ]
    ) { input, context throws(ActionFailure) in
        let method = input.string("Method").flatMap(HTTPMethod.init(rawValue:)) ?? .get
        let domain = input.string("Domain").flatMap(TwilioDomain.init(rawValue:)) ?? .api
        let path = try input.required("Path")
        var checks = ValueChecks()
        checks.expect(path.hasPrefix("/") && !path.hasPrefix("//"), "Path", "must start with a single / (the path below the domain)", value: path)
        checks.expect(!path.contains("?") && !path.contains("#"), "Path", "must not hold a query string: put the parameters in {Parameters}", value: path)
        checks.expect(!path.split(separator: "/").contains(".."), "Path", "must not hold .. segments", value: path)
        try checks.finish()
        let parameters = form(input.values["Parameters"]?.objectFields ?? [:])
        let resolved = path.replacingOccurrences(of: accountSidPlaceholder, with: TwilioRequest.segment(context.client.accountSID))
        let request = method == .post
            ? TwilioRequest(method, domain, resolved, form: parameters)
            : TwilioRequest(method, domain, resolved, query: parameters)
        let response = try await twilio { () async throws(TwilioError) in try await context.client.send(request) }
        return RawResponse(status: response.status, body: body(response.body))
    }

    /// A JSON object as form parameters: scalars as text, arrays as repeated keys, objects as JSON text.
    static func form(_ fields: [String: JSONValue]) -> FormParameters {
        var form = FormParameters()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch value {
            case .null: break
            case .array(let items): form.add(name, items.map(text))
            default: form.add(name, text(value))
            }
        }
        return form
    }

    private static func text(_ value: JSONValue) -> String {
        value.scalarText ?? value.compactText
    }

    /// The answer's body: its JSON, `null` when empty, or its text when it is not JSON.
    static func body(_ bytes: [UInt8]) -> JSONValue {
        if bytes.isEmpty { return .null }
        if let json = try? JSONParser.parse(bytes) { return json }
        return .string(String(decoding: bytes, as: UTF8.self))
    }
}
