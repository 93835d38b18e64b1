import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TwilioKit

/// JSON answers and JSON errors.
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: value.compactBytes)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        make(["success": false, "error": .string(message)], status: status)
    }
}

/// An HTTP error answered as `{"success": false, "error": "…"}`.
struct JSONHTTPError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.error(status, message)
    }
}

/// Turns Hummingbird's own errors (unknown route, body too large) into JSON errors.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message = error.status == .notFound ? "No route \(request.method.rawValue) \(request.uri.path)" : (error.body ?? error.status.reasonPhrase)
            return JSONResponse.error(error.status, message)
        }
    }
}
