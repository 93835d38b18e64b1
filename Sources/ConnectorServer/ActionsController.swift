import Foundation
import Hummingbird
import NIOCore
import TwilioConnector
import TwilioKit

/// `POST /actions/<action>`: runs an action with the JSON body as parameters (and an optional
/// `connection` object), answering the result envelope. The HTTP status is 200 whenever the
/// action ran, whatever its outcome; malformed JSON is 400, unknown actions 404, bodies over the
/// limit 413.
struct ActionsController {
    let connector: Connector
    let maximumBodyBytes: Int

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post("**") { request, context in try await run(request, context) }
        group.get { _, _ in
            JSONResponse.make(["actions": .array(connector.actions().map(ComponentsController.json))])
        }
    }

    private func run(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let name = request.uri.path.split(separator: "/").dropFirst().joined(separator: "/").removingPercentEncoding ?? ""
        guard connector.describe(name) != nil else {
            throw JSONHTTPError(.notFound, "Unknown action '\(name)'. GET /actions lists them.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumBodyBytes)
        } catch {
            throw JSONHTTPError(.contentTooLarge, "The body is larger than \(maximumBodyBytes) bytes.")
        }
        let value: JSONValue
        if body.readableBytes == 0 {
            value = [:]
        } else {
            do { value = try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView)) } catch {
                throw JSONHTTPError(.badRequest, "The body is not valid JSON: \(Self.reason(error))")
            }
        }
        guard case .object(var parameters) = value else {
            throw JSONHTTPError(.badRequest, "The body must be a JSON object of parameters.")
        }
        let connection = parameters.removeValue(forKey: "connection")
        return JSONResponse.make(await connector.run(name, parameters: .object(parameters), connection: connection))
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)
        }
        return "\(error)"
    }
}
