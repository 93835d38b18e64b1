/// The filters of ListSink.
public struct EventSinkListFilter: Sendable, Equatable {
    /// Only sinks that a subscription uses (`true`) or that none uses (`false`).
    public var inUse: Bool?
    /// Only sinks with this status.
    public var status: Status?
    /// How many sinks each page holds (1…1000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates a filter; no argument lists every sink.
    public init(inUse: Bool? = nil, status: Status? = nil, pageSize: Int? = nil) {
        self.inUse = inUse
        self.status = status
        self.pageSize = pageSize
    }

    /// The query string.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("InUse", inUse)
        query.add("Status", status)
        query.add("PageSize", pageSize)
        return query
    }

    /// A sink status to filter on.
    public enum Status: String, Sendable, CaseIterable {
        /// Created, not yet validated.
        case initialized
        /// A test event was sent and awaits validation.
        case validating
        /// Receiving events.
        case active
        /// Validation failed.
        case failed
    }
}
