/// The filters of ListMessage.
public struct MessageListFilter: Sendable, Equatable {
    /// Only messages to this number or address.
    public var to: String?
    /// Only messages from this number or address.
    public var from: String?
    /// Only messages sent on, before or after a date.
    public var dateSent: DateFilter?
    /// How many messages each page holds (1…1000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates a filter; no argument lists every message.
    public init(to: String? = nil, from: String? = nil, dateSent: DateFilter? = nil, pageSize: Int? = nil) {
        self.to = to
        self.from = from
        self.dateSent = dateSent
        self.pageSize = pageSize
    }

    /// The query string.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("To", to)
        query.add("From", from)
        query.add("DateSent", dateSent)
        query.add("PageSize", pageSize)
        return query
    }
}
