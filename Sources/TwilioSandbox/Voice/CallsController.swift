import Hummingbird
import TwilioKit

/// `/2010-04-01/Accounts/{AccountSid}/Calls…`: create, fetch, update, delete, list.
struct CallsController {
    let world: SandboxWorld

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Calls.json", use: create)
        group.get("Calls.json", use: list)
        group.get("Calls/{CallSid}.json", use: fetch)
        group.post("Calls/{CallSid}.json", use: update)
        group.delete("Calls/{CallSid}.json", use: delete)
    }

    static let statuses = ["queued", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled"]

    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let call = try await world.calls.create(try await request.form(), accountSID: account, apiOrigin: request.apiOrigin)
        return SandboxResponse.json(call.json, status: .created)
    }

    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        let filter = CallQuery(
            to: query.first("To"), from: query.first("From"), parentCallSID: query.first("ParentCallSid"),
            status: try query.oneOf("Status", Self.statuses),
            startTime: try DateFilterRange(query, name: "StartTime"), endTime: try DateFilterRange(query, name: "EndTime"))
        let calls = await world.voice.list(accountSID: account, filter)
        let page = try PageRequest(query).v2010Page(calls.map(\.json), key: "calls",
                                                     path: "/2010-04-01/Accounts/\(account)/Calls.json", query: query)
        return SandboxResponse.json(page)
    }

    @Sendable func fetch(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        guard let call = await world.voice.call(try context.parameters.require("CallSid"), accountSID: account) else {
            throw SandboxError.notFound(request.twilioPath)
        }
        return SandboxResponse.json(call.json)
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("CallSid")
        return SandboxResponse.json(try await world.calls.update(sid, form: try await request.form(), accountSID: account).json)
    }

    /// Deletes an ended call; a live one cannot be (20009).
    @Sendable func delete(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("CallSid")
        guard let call = await world.voice.call(sid, accountSID: account) else { throw SandboxError.notFound(request.twilioPath) }
        guard call.isFinal else {
            throw SandboxError(.badRequest, code: 20009, "Cannot delete this resource before it is complete: the call is \(call.status)")
        }
        _ = await world.voice.delete(sid, accountSID: account)
        return SandboxResponse.noContent
    }
}
