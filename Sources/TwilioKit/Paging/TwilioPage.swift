/// One page of a Twilio list, in either paging style: API v2010's (`next_page_uri`, relative to
/// the domain) or v1/v2's (`meta.next_page_url`, absolute).
public struct TwilioPage<Item: Decodable & Sendable>: Sendable {
    /// The items on this page.
    public var items: [Item]
    /// The absolute URL of the next page, or `nil` on the last page.
    public var nextPageURL: String?
    /// The zero-based page number Twilio reports.
    public var pageNumber: Int?
    /// The page size Twilio used.
    public var pageSize: Int?

    /// Whether another page exists.
    public var hasNextPage: Bool { nextPageURL != nil }
}

/// The first items of a list (see ``TwilioList/collectSlice()``) and how to go on from them.
public struct TwilioListSlice<Item: Decodable & Sendable>: Sendable {
    /// Up to the list's limit.
    public var items: [Item]
    /// Whether the list has items after these.
    public var hasMore: Bool
    /// The absolute URL of the page that follows `items`, when they end on a page boundary.
    public var nextPageURL: String?
    /// The zero-based number of the last page read.
    public var lastPage: Int?
    /// The page size Twilio used.
    public var pageSize: Int?
}

/// The wire shape of a list answer: the one array of items, plus the paging fields of either style.
struct PageEnvelope<Item: Decodable & Sendable>: Decodable {
    var items: [Item]
    var nextPageURI: String?
    var meta: Meta?
    var page: Int?
    var pageSize: Int?

    struct Meta: Decodable {
        var page: Int?
        var pageSize: Int?
        var nextPageUrl: String?
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Paging keys of both styles (after snake_case conversion); the one remaining key holds the items.
    private static var pagingKeys: Set<String> {
        ["end", "firstPageUri", "nextPageUri", "page", "pageSize", "previousPageUri", "start", "uri", "meta",
         "numPages", "total", "lastPageUri"]
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let itemKeys = container.allKeys.filter { !Self.pagingKeys.contains($0.stringValue) }
        guard itemKeys.count == 1, let itemKey = itemKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a list page has exactly one array of items; found keys \(itemKeys.map(\.stringValue).sorted())"))
        }
        items = try container.decode([Item].self, forKey: itemKey)
        nextPageURI = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "nextPageUri"))
        meta = try container.decodeIfPresent(Meta.self, forKey: AnyKey(stringValue: "meta"))
        page = try container.decodeIfPresent(Int.self, forKey: AnyKey(stringValue: "page"))
        pageSize = try container.decodeIfPresent(Int.self, forKey: AnyKey(stringValue: "pageSize"))
    }

    /// The page with its next-page link resolved against `origin` (the domain's URL prefix).
    /// An absolute link to another host keeps only its path and query, so credentials are only
    /// ever sent to the configured endpoint.
    func page(origin: String) -> TwilioPage<Item> {
        let next = (meta?.nextPageUrl ?? nextPageURI).map { Self.resolve($0, origin: origin) }
        return TwilioPage(items: items, nextPageURL: next, pageNumber: meta?.page ?? page, pageSize: meta?.pageSize ?? pageSize)
    }
}

extension PageEnvelope {
    static func resolve(_ link: String, origin: String) -> String {
        if link.hasPrefix(origin + "/") { return link }
        guard link.hasPrefix("http://") || link.hasPrefix("https://") else { return origin + link }
        let afterScheme = link.drop { $0 != ":" }.dropFirst(3)
        let pathAndQuery = afterScheme.drop { $0 != "/" }
        return origin + pathAndQuery
    }
}
