import TwilioKit

/// Items of a list, up to the requested limit, and whether Twilio has more.
public struct ListResult<Item: Sendable>: Sendable {
    /// The items.
    public var items: [Item]
    /// Whether Twilio holds more items than these.
    public var hasMore: Bool
    /// The URL of the page after these items, when they end on a page boundary.
    public var nextPageURL: String?
    /// The zero-based number of the last page read.
    public var page: Int?
    /// The page size Twilio used.
    public var pageSize: Int?

    /// The list a TwilioKit slice makes.
    init(_ slice: TwilioListSlice<Item>) where Item: Decodable {
        self.init(items: slice.items, hasMore: slice.hasMore, nextPageURL: slice.nextPageURL, page: slice.lastPage, pageSize: slice.pageSize)
    }

    init(items: [Item], hasMore: Bool, nextPageURL: String?, page: Int?, pageSize: Int?) {
        self.items = items
        self.hasMore = hasMore
        self.nextPageURL = nextPageURL
        self.page = page
        self.pageSize = pageSize
    }

    /// The same page of the list, holding `items` (the items made into something else).
    func replacingItems<Other>(with items: [Other]) -> ListResult<Other> {
        ListResult<Other>(items: items, hasMore: hasMore, nextPageURL: nextPageURL, page: page, pageSize: pageSize)
    }
}
