import Foundation
import Testing
@testable import TwilioKit

/// A transport that answers each request with the OpenAPI spec's own example for the operation
/// the request matches, and records what it was sent.
final class SpecExampleTransport: TwilioHTTPTransport, @unchecked Sendable {
    static let origin = "https://contract.test"
    private let lock = NSLock()
    private var recorded: [TwilioHTTPRequest] = []

    var requests: [TwilioHTTPRequest] { lock.withLock { recorded } }

    func execute(_ request: TwilioHTTPRequest, timeout: Duration) async throws(TransportFailure) -> TwilioHTTPResponse {
        lock.withLock { recorded.append(request) }
        guard let (domain, path) = Self.split(request.url),
              let spec = try? OpenAPISpec.load(domain),
              let operation = spec.operation(request.method, path: path) else {
            return TwilioHTTPResponse(status: 404, body: Array(#"{"code":20404,"message":"no such operation in the spec","status":404}"#.utf8))
        }
        let status = Int(operation.successStatuses.first ?? "200") ?? 200
        // The richest example (a full page rather than an empty one) exercises the most decoding.
        let body = operation.responseExamples.max { $0.json.count < $1.json.count }.map { Array($0.json) } ?? []
        return TwilioHTTPResponse(status: status, headers: [(name: "Content-Type", value: "application/json")], body: body)
    }

    /// `https://contract.test/api/2010-04-01/…?x` → (`.api`, `/2010-04-01/…`).
    static func split(_ url: String) -> (TwilioDomain, String)? {
        split(url, origin: origin)
    }

    /// `<origin>/api/2010-04-01/…?x` → (`.api`, `/2010-04-01/…`), for any origin serving every
    /// domain under its own prefix (this transport's, or the sandbox's).
    static func split(_ url: String, origin: String) -> (TwilioDomain, String)? {
        guard url.hasPrefix(origin + "/") else { return nil }
        let rest = url.dropFirst(origin.count + 1).prefix { $0 != "?" }
        guard let slash = rest.firstIndex(of: "/"), let domain = TwilioDomain(rawValue: String(rest[..<slash])) else { return nil }
        return (domain, String(rest[slash...]))
    }
}

/// Runs client calls against ``SpecExampleTransport`` and holds each request to the spec.
struct ContractHarness {
    static let accountSID = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    let transport = SpecExampleTransport()
    var client: TwilioClient {
        TwilioClient(
            configuration: .init(credentials: .authToken(accountSID: Self.accountSID, authToken: "contract-token"),
                                 endpoint: .baseURL(SpecExampleTransport.origin), retryPolicy: .never),
            transport: transport)
    }

    /// Runs `call` (which sends exactly one request) and checks that request against the spec
    /// operation `operationID`: method and path template, every query and form parameter known to
    /// the operation, required ones present, enum values allowed, form encoding used for bodies.
    @discardableResult
    func check(_ operationID: String, sourceLocation: SourceLocation = #_sourceLocation,
               _ call: (TwilioClient) async throws -> Void) async throws -> TwilioHTTPRequest {
        let before = transport.requests.count
        try await call(client)
        let sent = transport.requests.dropFirst(before)
        let request = try #require(sent.first, "the call sent no request", sourceLocation: sourceLocation)
        #expect(sent.count == 1, "the call sent \(sent.count) requests", sourceLocation: sourceLocation)
        try Self.validate(request, origin: SpecExampleTransport.origin, as: operationID, sourceLocation: sourceLocation)
        return request
    }

    /// Checks a request sent to `origin` (which serves every domain under its own prefix) against
    /// the spec: it is an operation (`operationID`, when given) by method and path template, its
    /// query and form parameters are the operation's, required ones present, enum values allowed,
    /// form encoding used for bodies. Answers the operation's id.
    @discardableResult
    static func validate(_ request: TwilioHTTPRequest, origin: String, as operationID: String? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let (domain, path) = try #require(SpecExampleTransport.split(request.url, origin: origin), "\(request.url) is no Twilio domain's",
                                          sourceLocation: sourceLocation)
        let spec = try OpenAPISpec.load(domain)
        let operation = try #require(spec.operation(request.method, path: path),
                                     "\(request.method.rawValue) \(path) is no operation of the \(domain) spec", sourceLocation: sourceLocation)
        if let operationID {
            #expect(operation.id == operationID, "\(request.method.rawValue) \(path) is \(operation.id)", sourceLocation: sourceLocation)
        }

        let query = FormParameters.decode(request.url.split(separator: "?", maxSplits: 1).dropFirst().first ?? "")
        let queryNames = Set(query.items.map(\.name))
        #expect(queryNames.isSubset(of: operation.queryParameters),
                "unknown query parameters \(queryNames.subtracting(operation.queryParameters).sorted()) for \(operation.id)", sourceLocation: sourceLocation)
        #expect(operation.requiredQueryParameters.isSubset(of: queryNames),
                "missing required query parameters \(operation.requiredQueryParameters.subtracting(queryNames).sorted())", sourceLocation: sourceLocation)

        if let body = request.body {
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded", sourceLocation: sourceLocation)
            let form = FormParameters.decode(String(decoding: body, as: UTF8.self))
            let formNames = Set(form.items.map(\.name))
            #expect(formNames.isSubset(of: operation.formParameters),
                    "unknown form parameters \(formNames.subtracting(operation.formParameters).sorted()) for \(operation.id)", sourceLocation: sourceLocation)
            #expect(operation.requiredFormParameters.isSubset(of: formNames),
                    "missing required form parameters \(operation.requiredFormParameters.subtracting(formNames).sorted())", sourceLocation: sourceLocation)
            for item in form.items {
                let schema = operation.formParameterSchema(item.name)
                if let allowed = schema["enum"] as? [String] {
                    #expect(allowed.contains(item.value), "\(item.name)=\(item.value) is not one of \(allowed)", sourceLocation: sourceLocation)
                }
                if (schema["type"] as? String) != "array" {
                    #expect(form.values(item.name).count == 1, "\(item.name) repeated but is not an array", sourceLocation: sourceLocation)
                }
                if schema["format"] as? String == "date-time" {
                    #expect(TwilioDateFormat.date(from: item.value) != nil, "\(item.name)=\(item.value) is not ISO 8601", sourceLocation: sourceLocation)
                }
            }
        } else {
            #expect(operation.formParameters.isEmpty || request.method != .post,
                    "\(operation.id) takes a form body but none was sent", sourceLocation: sourceLocation)
        }
        return operation.id
    }

    /// Decodes every example answer of `operationID` as `Model` and returns how many there were;
    /// each decodes exactly as `JSONDecoder` configured for Twilio's answers decodes it.
    @discardableResult
    static func decodeExamples<Model: Decodable & Equatable>(_ operationID: String, in domain: TwilioDomain, as model: Model.Type,
                                                              sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try decodeExamples(operationID, in: domain, as: model, comparing: { $0 }, sourceLocation: sourceLocation)
    }

    /// Decodes every example of a list operation as a page of `Item`.
    @discardableResult
    static func decodeListExamples<Item: Decodable & Sendable & Equatable>(_ operationID: String, in domain: TwilioDomain, of item: Item.Type,
                                                                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try decodeExamples(operationID, in: domain, as: PageEnvelope<Item>.self, comparing: PageContents.init,
                           sourceLocation: sourceLocation)
    }

    private static func decodeExamples<Model: Decodable>(_ operationID: String, in domain: TwilioDomain, as model: Model.Type,
                                                         comparing compared: (Model) -> some Equatable,
                                                         sourceLocation: SourceLocation) throws -> Int {
        let spec = try OpenAPISpec.load(domain)
        let operation = try #require(spec.operation(id: operationID), "no operation \(operationID)", sourceLocation: sourceLocation)
        let examples = operation.responseExamples
        #expect(!examples.isEmpty, "\(operationID) has no example", sourceLocation: sourceLocation)
        for example in examples {
            do {
                let decoded = try TwilioJSON.decoder.decode(Model.self, from: example.json)
                let reference = try foundationDecoder.decode(Model.self, from: example.json)
                #expect(compared(decoded) == compared(reference), "\(operationID) example '\(example.name)' decodes unlike JSONDecoder",
                        sourceLocation: sourceLocation)
            } catch {
                Issue.record("\(operationID) example '\(example.name)' does not decode as \(Model.self): \(error)", sourceLocation: sourceLocation)
            }
        }
        return examples.count
    }

    /// What a decoded page holds, to compare.
    private struct PageContents<Item: Decodable & Sendable & Equatable>: Equatable {
        let items: [Item]
        let nextPageURI: String?
        let page: Int?
        let pageSize: Int?

        init(_ envelope: PageEnvelope<Item>) {
            (items, nextPageURI, page, pageSize) = (envelope.items, envelope.nextPageURI, envelope.page, envelope.pageSize)
        }
    }

    /// `JSONDecoder` configured as Twilio's answers need it: what ``TwilioJSONDecoder`` must match.
    static let foundationDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = TwilioDateFormat.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date")
            }
            return date
        }
        return decoder
    }()

    /// The snake_case keys a model encodes to, as Twilio names them; `nil` properties are left out.
    static func encodedKeys(_ model: some Encodable) throws -> Set<String> {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        let object = try JSONSerialization.jsonObject(with: encoder.encode(model)) as? [String: Any]
        return Set((object ?? [:]).keys)
    }
}
