/// Every item of a Twilio list as an `AsyncSequence`: pages are fetched as iteration reaches
/// them, and iteration stops after `limit` items.
///
/// ```swift
/// for try await call in client.calls.list(.init(status: .completed), limit: 200) { … }
/// ```
public struct TwilioList<Item: Decodable & Sendable>: AsyncSequence, Sendable {
    let client: TwilioClient
    let firstPage: TwilioRequest
    /// The most items the sequence yields; `nil` for all of them.
    public let limit: Int?

    /// The first page alone, for page-at-a-time access (see ``TwilioClient/page(after:domain:)``).
    public func firstPageOnly() async throws(TwilioError) -> TwilioPage<Item> {
        try await client.page(firstPage)
    }

    /// Collects up to `limit` items into an array.
    public func collect() async throws(TwilioError) -> [Item] {
        var items: [Item] = []
        var iterator = makeAsyncIterator()
        while let item = try await iterator.nextItem() { items.append(item) }
        return items
    }

    /// Up to `limit` items, whether the list goes on, and where: the next page's URL when the
    /// items end where a page ends (the usual case, as the page size is the limit).
    public func collectSlice() async throws(TwilioError) -> TwilioListSlice<Item> {
        var page = try await client.page(firstPage, of: Item.self)
        var items = page.items
        while limit.map({ items.count < $0 }) ?? true, let next = try await client.page(after: page, domain: firstPage.domain) {
            page = next
            items += page.items
        }
        let wanted = limit ?? items.count
        let cutMidPage = items.count > wanted
        return TwilioListSlice(items: Array(items.prefix(wanted)), hasMore: cutMidPage || page.hasNextPage,
                               nextPageURL: cutMidPage ? nil : page.nextPageURL, lastPage: page.pageNumber, pageSize: page.pageSize)
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(list: self)
    }

    /// Fetches pages lazily and yields their items.
    public struct Iterator: AsyncIteratorProtocol {
        let list: TwilioList
        private var buffer: ArraySlice<Item> = []
        private var nextPage: TwilioPage<Item>?
        private var started = false
        private var yielded = 0

        init(list: TwilioList) { self.list = list }

        public mutating func next() async throws -> Item? {
            try await nextItem()
        }

        mutating func nextItem() async throws(TwilioError) -> Item? {
            if let limit = list.limit, yielded >= limit { return nil }
            while buffer.isEmpty {
                let page: TwilioPage<Item>?
                if !started {
                    started = true
                    page = try await list.client.page(list.firstPage)
                } else if let previous = nextPage {
                    page = try await list.client.page(after: previous, domain: list.firstPage.domain)
                } else {
                    page = nil
                }
                guard let page else { return nil }
                nextPage = page.hasNextPage ? page : nil
                buffer = page.items[...]
                if buffer.isEmpty, nextPage == nil { return nil }
            }
            yielded += 1
            return buffer.popFirst()
        }
    }
}
