import Foundation
import HTTPTypes
import Hummingbird

/// An error answered with Twilio's error body: `{"code", "message", "more_info", "status"}`.
public struct SandboxError: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// Twilio's error code.
    public let code: Int
    /// Twilio's message.
    public let message: String
    /// Extra headers (`Retry-After`).
    public let headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: Int, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// The error's body.
    public var json: SandboxJSON {
        ["code": .int(code), "message": .string(message), "more_info": .string("https://www.twilio.com/docs/errors/\(code)"),
         "status": .int(Int(status.code))]
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = SandboxResponse.json(json, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension SandboxError {
    /// 20003: missing or wrong credentials.
    static let authenticate = SandboxError(.unauthorized, code: 20003, "Authenticate",
                                           headers: [.wwwAuthenticate: #"Basic realm="Twilio API""#])

    /// 20404: no such resource.
    static func notFound(_ path: String) -> SandboxError {
        SandboxError(.notFound, code: 20404, "The requested resource \(path) was not found")
    }

    /// 21201-style missing parameter (Twilio's generic "required parameter" error).
    static func missingParameter(_ name: String) -> SandboxError {
        SandboxError(.badRequest, code: 21604, "A '\(name)' parameter is required.")
    }

    /// 20001-style invalid parameter value.
    static func invalidParameter(_ name: String, _ value: String, rule: String) -> SandboxError {
        SandboxError(.badRequest, code: 20001, "Invalid \(name): '\(value)' \(rule)")
    }
}
