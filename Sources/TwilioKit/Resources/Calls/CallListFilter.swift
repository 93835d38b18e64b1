/// The filters of ListCall.
public struct CallListFilter: Sendable, Equatable {
    /// Only calls to this number, SIP address or Client identifier.
    public var to: String?
    /// Only calls from this number, SIP address or Client identifier.
    public var from: String?
    /// Only the legs created by this call (`CA…`).
    public var parentCallSid: String?
    /// Only calls with this status.
    public var status: CallStatus?
    /// Only calls that started on, before or after a date (`StartTime`, `StartTime<`, `StartTime>`).
    public var startTime: DateFilter?
    /// Only calls that ended on, before or after a date (`EndTime`, `EndTime<`, `EndTime>`).
    public var endTime: DateFilter?
    /// How many calls each page holds (1…1000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates a filter; no argument lists every call.
    public init(
        to: String? = nil, from: String? = nil, parentCallSid: String? = nil, status: CallStatus? = nil,
        startTime: DateFilter? = nil, endTime: DateFilter? = nil, pageSize: Int? = nil
    ) {
        self.to = to
        self.from = from
        self.parentCallSid = parentCallSid
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.pageSize = pageSize
    }

    /// The query string.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("To", to)
        query.add("From", from)
        query.add("ParentCallSid", parentCallSid)
        query.add("Status", status)
        query.add("StartTime", startTime)
        query.add("EndTime", endTime)
        query.add("PageSize", pageSize)
        return query
    }
}
