import Foundation
import TwilioKit

/// The filters of ListTranscript: `ServiceSid`, `Status`, `LanguageCode`, `SourceSid`, and the
/// media start and creation time bounds (`BeforeStartTime`, `AfterStartTime`, `BeforeDateCreated`,
/// `AfterDateCreated`, ISO 8601, exclusive).
struct TranscriptFilter: Sendable {
    var serviceSID: String?
    var status: TranscriptStatus?
    var languageCode: String?
    var sourceSID: String?
    var startedBefore: Date?
    var startedAfter: Date?
    var createdBefore: Date?
    var createdAfter: Date?

    /// The statuses `Status` may name, in the order its error lists them.
    static let statuses: [TranscriptStatus] = [.queued, .inProgress, .completed, .new, .failed, .canceled, .error]

    /// Reads the filters from a query.
    init(_ query: FormParameters) throws(SandboxError) {
        func date(_ name: String) throws(SandboxError) -> Date? {
            guard let value = query.first(name) else { return nil }
            guard let date = TwilioDateFormat.date(from: value) else {
                throw .invalidParameter(name, value, rule: "must be an ISO 8601 date-time")
            }
            return date
        }
        serviceSID = query.first("ServiceSid")
        status = try query.oneOf("Status", Self.statuses)
        languageCode = query.first("LanguageCode")
        sourceSID = query.first("SourceSid")
        startedBefore = try date("BeforeStartTime")
        startedAfter = try date("AfterStartTime")
        createdBefore = try date("BeforeDateCreated")
        createdAfter = try date("AfterDateCreated")
    }

    /// Whether `transcript` passes every filter given.
    func admits(_ transcript: TranscriptRecord) -> Bool {
        let start = transcript.mediaStartTime ?? transcript.dateCreated
        return (serviceSID.map { $0 == transcript.serviceSID } ?? true)
            && (status.map { $0 == transcript.status } ?? true)
            && (languageCode.map { $0 == transcript.languageCode } ?? true)
            && (sourceSID.map { $0 == transcript.sourceSID } ?? true)
            && (startedBefore.map { start < $0 } ?? true)
            && (startedAfter.map { start > $0 } ?? true)
            && (createdBefore.map { transcript.dateCreated < $0 } ?? true)
            && (createdAfter.map { transcript.dateCreated > $0 } ?? true)
    }
}
