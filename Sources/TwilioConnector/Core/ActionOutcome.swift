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
    case transcripts(ListResult<Transcript>)
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

/// A transcript with all of its sentences.
public struct TranscriptWithSentences: Sendable {
    public var transcript: Transcript
    public var sentences: [TranscriptSentence]
}
