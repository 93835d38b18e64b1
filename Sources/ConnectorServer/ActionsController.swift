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
        let catalogue = Deferred { [connector] in JSONResponse.make(["actions": .array(connector.actions().map(ComponentsController.json))]) }
        group.get { _, _ in catalogue.value }
    }

    private func run(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let path = Self.actionPath(request.uri.path)
        let name = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? "" : path
        guard let action = connector.action(named: name) else {
            throw JSONHTTPError(.notFound, connector.unknownAction(name, listedBy: "GET /actions"))
        }
        guard case .object(var parameters) = try await JSONBody.value(request, maximumBytes: maximumBodyBytes) else {
            throw JSONHTTPError(.badRequest, "The body must be a JSON object of parameters.")
        }
        let connection = parameters.removeValue(forKey: "connection")
        if let connection, let problem = connector.problem(withConnection: connection) {
            throw JSONHTTPError(.badRequest, "Invalid connection: \(problem).")
        }
        return JSONResponse.make(await connector.run(action, parameters: .object(parameters), connection: connection, logger: context.logger))
    }

    /// The path after its first segment, empty segments dropped (`/actions/sendSMS` → `sendSMS`,
    /// `/actions//a/b/` → `a/b`), split as bytes: the standard library's split of a `String` at a
    /// `String` was 2 % of an action's CPU.
    static func actionPath(_ path: String) -> String {
        let segments = path.utf8.split(separator: UInt8(ascii: "/")).dropFirst()
        if segments.count == 1, let only = segments.first { return String(Substring(only)) }
        return segments.map { String(Substring($0)) }.joined(separator: "/")
    }
}
