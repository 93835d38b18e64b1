import Foundation
import HTTPTypes
import Hummingbird
import MCP
import NIOCore
import ServiceLifecycle

/// Between Hummingbird's requests and responses and the MCP SDK's framework-free ones.
enum MCPHTTPBridge {
    /// The MCP request of `request`, its body read up to `maximumBodyBytes`; `nil` when the body is larger.
    static func request(_ request: Request, maximumBodyBytes: Int) async -> MCP.HTTPRequest? {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        guard let body = try? await request.body.collect(upTo: maximumBodyBytes) else { return nil }
        return MCP.HTTPRequest(method: request.method.rawValue, headers: headers,
                               body: body.readableBytes > 0 ? Data(buffer: body) : nil, path: request.uri.path)
    }

    /// The Hummingbird response of `response`. A stream (Server-Sent Events) is written until the
    /// transport ends it; when the server begins a graceful shutdown, `onShutdown` runs (ending the
    /// sessions, which ends their streams) so that no open stream holds the shutdown.
    static func response(_ response: MCP.HTTPResponse, onShutdown: @escaping @Sendable () -> Void) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        let status = HTTPTypes.HTTPResponse.Status(code: response.statusCode)
        if case .stream(let stream, _) = response {
            let body = ResponseBody { writer in
                try await withGracefulShutdownHandler {
                    for try await chunk in stream { try await writer.write(ByteBuffer(bytes: chunk)) }
                } onGracefulShutdown: {
                    onShutdown()
                }
                try await writer.finish(nil)
            }
            return Response(status: status, headers: fields, body: body)
        }
        guard let data = response.bodyData else { return Response(status: status, headers: fields) }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
