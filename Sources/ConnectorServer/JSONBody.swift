import Hummingbird
import TwilioKit

/// Reads a request's JSON body, strictly: 413 beyond the limit, 400 naming where the JSON breaks.
enum JSONBody {
    /// The body as a JSON value (an empty body is an empty object).
    static func value(_ request: Request, maximumBytes: Int) async throws -> JSONValue {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw JSONHTTPError(.contentTooLarge, "The body is larger than \(maximumBytes) bytes.")
        }
        if body.readableBytes == 0 { return [:] }
        do { return try JSONParser.parse(body.readableBytesView) } catch {
            throw JSONHTTPError(.badRequest, "The body is not valid JSON: \(error)")
        }
    }

    /// The body as a JSON object.
    static func object(_ request: Request, maximumBytes: Int) async throws -> [String: JSONValue] {
        guard case .object(let fields) = try await value(request, maximumBytes: maximumBytes) else {
            throw JSONHTTPError(.badRequest, "The body must be a JSON object.")
        }
        return fields
    }
}
