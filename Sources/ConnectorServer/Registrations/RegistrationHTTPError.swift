import HTTPTypes
import Hummingbird
import TwilioConnector
import TwilioKit

/// A ``RegistrationError`` answered over HTTP: `{"success": false, "error": "…", "reason": "…"}`
/// with what was found (the current settings, the differences, the registration holding the
/// setting) and the status that says whose move it is (400 the request, 404 nothing there, 409
/// something else holds or changed the setting, 502 Twilio).
struct RegistrationHTTPError: Error, HTTPResponseError {
    let error: RegistrationError

    var status: HTTPResponse.Status {
        switch error {
        case .unknownTrigger, .invalidRequest, .notPlaceable, .noPublicURL: .badRequest
        case .numberNotFound, .registrationNotFound: .notFound
        case .fieldOccupied, .messagingServiceWins, .handledElsewhere, .alreadyRegistered, .changedSinceRegistration: .conflict
        case .sinkNotValidated, .notConfirmed, .twilio: .badGateway
        case .store: .internalServerError
        }
    }

    /// The reason's name and what goes with it.
    var details: [String: JSONValue] {
        switch error {
        case .unknownTrigger: ["reason": "unknownTrigger"]
        case .invalidRequest: ["reason": "invalidRequest"]
        case .notPlaceable: ["reason": "notPlaceable"]
        case .noPublicURL: ["reason": "noPublicURL"]
        case .numberNotFound: ["reason": "numberNotFound"]
        case .registrationNotFound: ["reason": "registrationNotFound"]
        case .fieldOccupied(_, _, let current): ["reason": "fieldOccupied", "current": current.json]
        case .messagingServiceWins(_, let service, let url):
            ["reason": "messagingServiceWins", "messagingServiceSid": .string(service), "inboundRequestUrl": url.map(JSONValue.string) ?? .null]
        case .handledElsewhere: ["reason": "handledElsewhere"]
        case .alreadyRegistered(let holder): ["reason": "alreadyRegistered", "registration": holder.json]
        case .changedSinceRegistration(_, let differences): ["reason": "changedSinceRegistration", "differences": .array(differences.map(\.json))]
        case .sinkNotValidated: ["reason": "sinkNotValidated"]
        case .notConfirmed: ["reason": "notConfirmed"]
        case .twilio(_, let twilio):
            ["reason": "twilio", "mayHaveBeenSent": .bool(twilio.requestMayHaveBeenSent),
             "errorCode": twilio.code.map { .number(Double($0)) } ?? .null]
        case .store: ["reason": "store"]
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(.object(details.merging(["success": false, "error": .string(error.description)]) { _, new in new }), status: status)
    }
}
