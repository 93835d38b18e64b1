import TwilioKit

/// What a core action produced, typed; each dialect renders it in its own shape.
public enum ActionOutcome: Sendable {
    case message(Message)
    case messages(ListResult<Message>)
    case messageMedia(ListResult<MessageMedia>)
    case call(Call)
    case calls(ListResult<Call>)
    /// A resource that was deleted.
    case deleted(sid: String)
    case recordingMedia(RecordingMediaResult)
    case lookup(PhoneNumberLookup)
    case verification(Verification)
    case verificationCheck(VerificationCheck)
    case verifyService(VerifyService)
    /// Transcripts, with their sentences when asked for.
    case transcripts(ListResult<TranscriptWithSentences>)
    case transcriptsWithSentences([TranscriptWithSentences])
    case phoneNumbers(ListResult<IncomingPhoneNumber>)
    /// The answer to a custom request.
    case raw(status: Int, body: JSONValue)
    /// A bulk send: every recipient with its SID or error.
    case bulk(BulkSendReport)
}

/// Items of a list, up to the requested limit, and whether Twilio has more.
public struct ListResult<Item: Sendable>: Sendable {
    public var items: [Item]
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

/// A recording's media: its URL and, when asked, where its bytes were saved.
public struct RecordingMediaResult: Sendable {
    public var recordingSid: String
    public var format: RecordingFormat
    public var url: String
    public var savedPath: String?
    public var byteCount: Int?
    public var contentType: String?
}

/// A transcript with all of its sentences (`nil` when they were not asked for).
public struct TranscriptWithSentences: Sendable {
    public var transcript: Transcript
    public var sentences: [TranscriptSentence]?
}
