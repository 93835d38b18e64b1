import Hummingbird

/// The shape every Twilio resource shares, declared once per resource: the record whose SID is in
/// the request's path, found within the caller's account or answered with Twilio's 404 (code
/// 20404); its JSON (``fetch(_:)``); and its deletion, answered 204 (``delete(_:)``). Its list
/// pages as its API does (``TwilioAPI/page(_:key:path:request:query:)``).
struct ResourceRoutes<Record: Sendable>: Sendable {
    /// A route handler.
    typealias Handler = @Sendable (Request, SandboxRequestContext) async throws -> Response

    /// The API the resource belongs to: where the caller's account is read.
    let api: TwilioAPI
    /// The path parameter that holds the record's SID (`MessageSid` for `{MessageSid}`).
    let sidParameter: String
    /// What Twilio's 404 names when there is no such record.
    let notFound: NotFoundPath
    /// The record `sid` of `accountSID`, if it has one.
    let lookup: @Sendable (_ sid: String, _ accountSID: String) async -> Record?

    /// The record the request's path names, within the caller's account; Twilio's 404 otherwise.
    func record(_ request: Request, _ context: SandboxRequestContext) async throws -> Record {
        let account = try api.account(of: context)
        let sid = try context.parameters.require(sidParameter)
        guard let record = await lookup(sid, account) else {
            throw SandboxError.notFound(notFound.path(of: request, sid: sid))
        }
        return record
    }

    /// A handler that answers the record as `render` writes it.
    func fetch(_ render: @escaping @Sendable (Record) -> SandboxJSON) -> Handler {
        { request, context in
            SandboxResponse.json(render(try await record(request, context)))
        }
    }

    /// A handler that removes the record with `remove` and answers 204.
    func delete(_ remove: @escaping @Sendable (Record) async throws -> Void) -> Handler {
        { request, context in
            try await remove(try await record(request, context))
            return SandboxResponse.noContent
        }
    }
}
