import TwilioKit

/// Twilio's two paging styles over an array of rendered items.
struct PageRequest {
    /// Items per page (1…1000, default 50).
    let pageSize: Int
    /// The zero-based page.
    let page: Int

    /// Reads `PageSize` and `Page` from `query` (20001 when out of range).
    init(_ query: FormParameters) throws(SandboxError) {
        pageSize = try query.int("PageSize", in: 1...1000) ?? 50
        page = try query.int("Page", in: 0...Int.max) ?? 0
    }

    /// The items of this page.
    private func slice<Item>(_ items: [Item]) -> ArraySlice<Item> {
        let start = min(page * pageSize, items.count)
        return items[start..<min(start + pageSize, items.count)]
    }

    /// The query without its paging parameters.
    private static func filters(of query: FormParameters) -> FormParameters {
        var kept = FormParameters()
        for item in query.items where !["Page", "PageSize", "PageToken"].contains(item.name) {
            kept.add(item.name, item.value)
        }
        return kept
    }

    /// The link to `page` of the list at `path`, with the list's filters and, past the first page, a
    /// `PageToken`.
    private func link(_ path: String, filters: FormParameters, page: Int, token: Bool) -> String {
        var query = filters
        query.add("PageSize", pageSize)
        query.add("Page", page)
        if token, page > 0 { query.add("PageToken", "PA\(page)") }
        return path + "?" + query.encoded
    }

    /// API v2010's page: `{<key>: [...], page, page_size, uri, first_page_uri, next_page_uri, …}`,
    /// links relative to the domain.
    func v2010Page(_ items: [SandboxJSON], key: String, path: String, query: FormParameters) -> SandboxJSON {
        let filters = Self.filters(of: query)
        let pageItems = slice(items)
        let isLast = page * pageSize + pageItems.count >= items.count
        let start = page * pageSize
        return .object([
            (key, .array(Array(pageItems))),
            ("end", .int(max(start, start + pageItems.count - 1))),
            ("first_page_uri", .string(link(path, filters: filters, page: 0, token: false))),
            ("next_page_uri", isLast ? .null : .string(link(path, filters: filters, page: page + 1, token: true))),
            ("page", .int(page)),
            ("page_size", .int(pageSize)),
            ("previous_page_uri", page == 0 ? .null : .string(link(path, filters: filters, page: page - 1, token: true))),
            ("start", .int(start)),
            ("uri", .string(link(path, filters: filters, page: page, token: true))),
        ])
    }

    /// v1/v2's page: `{<key>: [...], meta: {page, page_size, first_page_url, previous_page_url, url,
    /// next_page_url, key}}`, links absolute and pointing back at the sandbox (`origin`).
    func metaPage(_ items: [SandboxJSON], key: String, origin: String, path: String, query: FormParameters) -> SandboxJSON {
        let filters = Self.filters(of: query)
        let pageItems = slice(items)
        let isLast = page * pageSize + pageItems.count >= items.count
        return .object([
            (key, .array(Array(pageItems))),
            ("meta", .object([
                ("page", .int(page)),
                ("page_size", .int(pageSize)),
                ("first_page_url", .string(origin + link(path, filters: filters, page: 0, token: false))),
                ("previous_page_url", page == 0 ? .null : .string(origin + link(path, filters: filters, page: page - 1, token: true))),
                ("url", .string(origin + link(path, filters: filters, page: page, token: true))),
                ("next_page_url", isLast ? .null : .string(origin + link(path, filters: filters, page: page + 1, token: true))),
                ("key", .string(key)),
            ])),
        ])
    }
}
