import Hummingbird
import TwilioKit

/// `/2010-04-01/Accounts/{AccountSid}/Calls…`: create, fetch, update, delete, list.
struct CallsController {
    let voice: VoiceFacade

    /// Calls by `{CallSid}`, within the path's account.
    private var calls: ResourceRoutes<CallRecord> {
        ResourceRoutes(api: .v2010, sidParameter: "CallSid", notFound: .twilioPath, lookup: voice.call(_:accountSID:))
    }

    func addRoutes(to group: RouterGroup<SandboxRequestContext>) {
        group.post("Calls.json", use: create)
        group.get("Calls.json", use: list)
        group.get("Calls/{CallSid}.json", use: calls.fetch { $0.json })
        group.post("Calls/{CallSid}.json", use: update)
        group.delete("Calls/{CallSid}.json", use: calls.delete { [voice] in try await voice.delete($0) })
    }

    /// CreateCall; answers 201 with the queued call, placed in the background.
    @Sendable func create(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let call = try await voice.create(try await request.form(), accountSID: account, apiOrigin: request.apiOrigin)
        return SandboxResponse.json(call.json, status: .created)
    }

    /// ListCall: `To`, `From`, `ParentCallSid`, `Status`, `StartTime` and `EndTime` (with `<` and
    /// `>`), paged.
    @Sendable func list(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let query = request.query
        let filter = CallQuery(
            to: query.first("To"), from: query.first("From"), parentCallSID: query.first("ParentCallSid"),
            status: try query.oneOf("Status", CallQuery.statuses),
            startTime: try DateFilterRange(query, name: "StartTime"), endTime: try DateFilterRange(query, name: "EndTime"))
        let found = await voice.list(accountSID: account, filter)
        return try TwilioAPI.v2010.page(found.map(\.json), key: "calls", path: "/2010-04-01/Accounts/\(account)/Calls.json",
                                        request: request)
    }

    /// UpdateCall; see ``CallSimulator/update(_:form:accountSID:)``.
    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let account = try context.pathAccount()
        let sid = try context.parameters.require("CallSid")
        return SandboxResponse.json(try await voice.update(sid, form: try await request.form(), accountSID: account).json)
    }
}
