import Foundation

/// The filters of ListTranscript (`GET /v2/Transcripts`).
public struct TranscriptListFilter: Sendable, Equatable {
    /// Only transcripts of this Voice Intelligence Service (`GA…`).
    public var serviceSid: String?
    /// Only transcripts whose media started before this instant.
    public var beforeStartTime: Date?
    /// Only transcripts whose media started after this instant.
    public var afterStartTime: Date?
    /// Only transcripts created before this instant.
    public var beforeDateCreated: Date?
    /// Only transcripts created after this instant.
    public var afterDateCreated: Date?
    /// Only transcripts in this status.
    public var status: TranscriptStatus?
    /// Only transcripts in this language (`en-US`).
    public var languageCode: String?
    /// Only transcripts of this source (a recording `RE…`, …).
    public var sourceSid: String?
    /// How many transcripts each page holds (1…1000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates a filter; no argument lists every transcript.
    public init(
        serviceSid: String? = nil, beforeStartTime: Date? = nil, afterStartTime: Date? = nil,
        beforeDateCreated: Date? = nil, afterDateCreated: Date? = nil, status: TranscriptStatus? = nil,
        languageCode: String? = nil, sourceSid: String? = nil, pageSize: Int? = nil
    ) {
        self.serviceSid = serviceSid
        self.beforeStartTime = beforeStartTime
        self.afterStartTime = afterStartTime
        self.beforeDateCreated = beforeDateCreated
        self.afterDateCreated = afterDateCreated
        self.status = status
        self.languageCode = languageCode
        self.sourceSid = sourceSid
        self.pageSize = pageSize
    }

    /// The query string, dates in ISO 8601.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("ServiceSid", serviceSid)
        query.add("BeforeStartTime", dateTime: beforeStartTime)
        query.add("AfterStartTime", dateTime: afterStartTime)
        query.add("BeforeDateCreated", dateTime: beforeDateCreated)
        query.add("AfterDateCreated", dateTime: afterDateCreated)
        query.add("Status", status)
        query.add("LanguageCode", languageCode)
        query.add("SourceSid", sourceSid)
        query.add("PageSize", pageSize)
        return query
    }
}
