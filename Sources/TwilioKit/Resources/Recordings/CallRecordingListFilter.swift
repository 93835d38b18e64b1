/// The filters of ListCallRecording (the recordings of one call).
public struct CallRecordingListFilter: Sendable, Equatable {
    /// Only recordings created on, before or after a day (`DateCreated`, `DateCreated<`,
    /// `DateCreated>`); this operation takes days, so the filter is always sent as `YYYY-MM-DD`.
    public var dateCreated: DateFilter?
    /// How many recordings each page holds (1…1000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates a filter; no argument lists every recording of the call.
    public init(dateCreated: DateFilter? = nil, pageSize: Int? = nil) {
        self.dateCreated = dateCreated
        self.pageSize = pageSize
    }

    /// The query string.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("DateCreated", dateCreated.map { DateFilter(relation: $0.relation, date: $0.date, precision: .day) })
        query.add("PageSize", pageSize)
        return query
    }
}
