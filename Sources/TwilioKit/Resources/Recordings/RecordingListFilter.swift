/// The filters of ListRecording.
public struct RecordingListFilter: Sendable, Equatable {
    /// Only recordings created on, before or after a date (`DateCreated`, `DateCreated<`, `DateCreated>`).
    public var dateCreated: DateFilter?
    /// Only the recordings of this call (`CA…`).
    public var callSid: String?
    /// Only the recordings of this conference (`CF…`).
    public var conferenceSid: String?
    /// Whether to include recordings deleted in the last 40 days.
    public var includeSoftDeleted: Bool?
    /// How many recordings each page holds (1…1000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates a filter; no argument lists every recording.
    public init(
        dateCreated: DateFilter? = nil, callSid: String? = nil, conferenceSid: String? = nil,
        includeSoftDeleted: Bool? = nil, pageSize: Int? = nil
    ) {
        self.dateCreated = dateCreated
        self.callSid = callSid
        self.conferenceSid = conferenceSid
        self.includeSoftDeleted = includeSoftDeleted
        self.pageSize = pageSize
    }

    /// The query string.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("DateCreated", dateCreated)
        query.add("CallSid", callSid)
        query.add("ConferenceSid", conferenceSid)
        query.add("IncludeSoftDeleted", includeSoftDeleted)
        query.add("PageSize", pageSize)
        return query
    }
}
