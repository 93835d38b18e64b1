import HTTPTypes
import Hummingbird
import NIOCore

/// Builders of the sandbox's answers.
enum SandboxResponse {
    /// A JSON answer.
    static func json(_ value: SandboxJSON, status: HTTPResponse.Status = .ok) -> Response {
        var buffer = ByteBuffer()
        buffer.writeString(value.serialized)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    /// An empty 204.
    static var noContent: Response { Response(status: .noContent) }

    /// Raw bytes with a content type.
    static func bytes(_ bytes: [UInt8], contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
