import ConnectorStore
import Foundation
import Hummingbird
import TwilioConnector
import TwilioKit

/// Durable bulk jobs: `GET /jobs/<id>` (status, counts, progress), `GET /jobs/<id>/report` (every
/// recipient, as `sendBulkSMS` answers), `POST /jobs/<id>/cancel` and `POST /jobs/<id>/resume`.
/// Without a store (or a default connection) every route answers 404.
struct JobsController {
    let jobs: BulkJobs?

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get("{id}") { _, context in
            let (jobs, id) = try require(context)
            return try await Self.answer(jobs.store.job(id: id), id)
        }
        group.get("{id}/report") { _, context in
            let (jobs, id) = try require(context)
            guard let report = try await BulkJobs.renderedReport(jobID: id, in: jobs.store) else { throw Self.unknown(id) }
            return JSONResponse.make(report)
        }
        group.post("{id}/cancel") { _, context in
            let (jobs, id) = try require(context)
            return try await Self.answer(jobs.cancel(jobID: id), id)
        }
        group.post("{id}/resume") { _, context in
            let (jobs, id) = try require(context)
            return try await Self.answer(jobs.resume(jobID: id), id)
        }
    }

    private func require(_ context: BasicRequestContext) throws -> (BulkJobs, String) {
        let id = try context.parameters.require("id")
        guard let jobs else { throw Self.unknown(id) }
        return (jobs, id)
    }

    private static func answer(_ job: BulkJob?, _ id: String) throws -> Response {
        guard let job else { throw unknown(id) }
        return JSONResponse.make(job.json)
    }

    private static func unknown(_ id: String) -> JSONHTTPError {
        JSONHTTPError(.notFound, "No job '\(id)' (jobs exist when the connector has a store and a default connection).")
    }
}
