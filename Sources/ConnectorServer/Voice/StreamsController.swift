import HTTPTypes
import Hummingbird

/// `GET /streams/<workflow>` without a WebSocket upgrade: the same checks as the upgrade (404 for
/// an unknown workflow, 403 without Twilio's signature), then 426: the route is for Twilio's
/// `<Connect><Stream>` WebSocket only.
struct StreamsController {
    let admission: StreamAdmission

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("{workflow}") { request, _ -> Response in
            let upgradeRequest = StreamUpgradeRequest(pathAndQuery: request.uri.string, authority: request.head.authority) { name in
                HTTPField.Name(name).flatMap { request.headers[$0] }
            }
            if case .failure(let refusal) = admission.check(upgradeRequest) { throw JSONHTTPError(refusal.status, refusal.message) }
            var response = JSONResponse.error(.upgradeRequired, "This is a media stream: connect with a WebSocket, as Twilio's <Connect><Stream> does.")
            response.headers[.upgrade] = "websocket"
            return response
        }
    }
}
