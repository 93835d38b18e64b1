import ConnectorServer
import ConnectorStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TwilioConnector
import TwilioKit
import TwilioSandbox

/// `/jobs/<id>`: a bulk send through `/actions` is a job the server reports on, cancels and resumes.
struct JobsRouteTests {
    @Test func aBulkSendIsAJobToFollowCancelAndResume() async throws {
        let sandbox = try await SandboxServer.start(.init(port: 0, statusStep: .milliseconds(20)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-route-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder.appendingPathComponent("connector.sqlite").path)
        let connector = Connector(configuration: sandbox.clientConfiguration, jobStore: store,
                                  jobSettings: BulkJobSettings(leaseDuration: .seconds(3), chunkSize: 5))
        let router = buildRouter(configuration: ServerConfiguration(port: 0), dependencies: ServerDependencies(connector: connector, store: store))
        let app = Application(router: router)
        try await app.test(.router) { client in
            let body = #"{"Recipients": ["+14155550301", "+14155550302", "oops"], "From": "+15005550006", "Body": "route job", "MessagesPerSecond": 1000}"#
            let jobID = try await client.execute(uri: "/actions/sendBulkSMS", method: .post, headers: [.contentType: "application/json"],
                                                 body: ByteBuffer(string: body)) { response in
                let fields = try ServerFixture.json(response)
                #expect(fields["sentCount"] == 2)
                return try #require(fields["jobId"]?.scalarText)
            }
            try await client.execute(uri: "/jobs/\(jobID)", method: .get) { response in
                #expect(response.status == .ok)
                let fields = try ServerFixture.json(response)
                #expect(fields["status"] == "completed")
                #expect(fields["total"] == 3 && fields["completed"] == 3 && fields["progress"] == 1)
                #expect(fields["counts"]?.objectFields?["sent"] == 2 && fields["counts"]?.objectFields?["failed"] == 1)
            }
            try await client.execute(uri: "/jobs/\(jobID)/report", method: .get) { response in
                let fields = try ServerFixture.json(response)
                #expect(fields["jobId"]?.scalarText == jobID)
                guard case .array(let recipients)? = fields["recipients"] else { Issue.record("no recipients"); return }
                #expect(recipients.count == 3)
            }
            try await client.execute(uri: "/jobs/\(jobID)/cancel", method: .post) { response in
                let status = try ServerFixture.json(response)["status"]
                #expect(status == "completed", "a completed job stays completed")
            }
            try await client.execute(uri: "/jobs/job_nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/jobs/job_nope/resume", method: .post) { response in
                #expect(response.status == .notFound)
            }
        }
        await sandbox.stop()
    }
}
