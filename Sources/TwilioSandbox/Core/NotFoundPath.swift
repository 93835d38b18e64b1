import Hummingbird

/// What Twilio's 404 (`The requested resource … was not found`, code 20404) names for a record
/// that is not there.
struct NotFoundPath: Sendable {
    private let make: @Sendable (Request, _ sid: String) -> String

    /// The path named for `request`, whose path parameter held `sid`.
    func path(of request: Request, sid: String) -> String {
        make(request, sid)
    }

    /// The request's path as the sandbox received it (`/api/2010-04-01/…/Messages/SM….json`): what
    /// Messages, IncomingPhoneNumbers and Applications have always named.
    static let requestPath = NotFoundPath { request, _ in request.uri.path }

    /// The request's path as Twilio names it, without the sandbox's `/api` prefix
    /// (`/2010-04-01/…/Calls/CA….json`): what Calls and Recordings name.
    static let twilioPath = NotFoundPath { request, _ in request.twilioPath }

    /// A path made from the SID, below the API's version (`/Services/MG…`), as the v1/v2 APIs name it.
    static func resource(_ path: @escaping @Sendable (_ sid: String) -> String) -> NotFoundPath {
        NotFoundPath { _, sid in path(sid) }
    }
}
