/// The filters of ListIncomingPhoneNumber.
public struct IncomingPhoneNumberListFilter: Sendable, Equatable {
    /// Whether to include numbers new to the Twilio platform (Twilio's default is `true`).
    public var beta: Bool?
    /// Only numbers with this description.
    public var friendlyName: String?
    /// Only numbers matching this pattern: a partial number, `*` standing for any digit.
    public var phoneNumber: String?
    /// Only numbers of this origin: `twilio` or `hosted`.
    public var origin: String?
    /// How many numbers each page holds (1…1000); by default set from the list's limit.
    public var pageSize: Int?

    /// Creates a filter; no argument lists every number.
    public init(beta: Bool? = nil, friendlyName: String? = nil, phoneNumber: String? = nil, origin: String? = nil, pageSize: Int? = nil) {
        self.beta = beta
        self.friendlyName = friendlyName
        self.phoneNumber = phoneNumber
        self.origin = origin
        self.pageSize = pageSize
    }

    /// The query string.
    public var query: FormParameters {
        var query = FormParameters()
        query.add("Beta", beta)
        query.add("FriendlyName", friendlyName)
        query.add("PhoneNumber", phoneNumber)
        query.add("Origin", origin)
        query.add("PageSize", pageSize)
        return query
    }
}
