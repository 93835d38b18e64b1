/// Every failure of a Twilio call, with what a caller needs to decide what to do next.
public struct TwilioError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Sendable, Equatable {
        /// Twilio answered 4xx: the request was refused and changed nothing.
        case refused
        /// Twilio answered 5xx.
        case failed
        /// No answer came back (timeout or connection failure).
        case noAnswer
        /// An answer came back that could not be understood.
        case undecodable
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// The HTTP status, when Twilio answered.
    public var httpStatus: Int?
    /// Twilio's error code (`21211`, `20429`, …), when Twilio gave one.
    public var code: Int?
    /// Twilio's message, or a description of the failure.
    public var message: String
    /// Twilio's link to the error's documentation.
    public var moreInfo: String?
    /// The request's method.
    public var method: HTTPMethod
    /// The request's URL without its query string (never carries credentials).
    public var path: String
    /// For ``Kind/noAnswer``: whether the request may have reached Twilio, so the message or call it
    /// creates may exist. Such a create is never retried automatically.
    public var requestMayHaveBeenSent: Bool
    /// How many attempts were made.
    public var attempts: Int

    /// Creates an error.
    public init(kind: Kind, httpStatus: Int? = nil, code: Int? = nil, message: String, moreInfo: String? = nil,
                method: HTTPMethod, path: String, requestMayHaveBeenSent: Bool = false, attempts: Int = 1) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.moreInfo = moreInfo
        self.method = method
        self.path = path
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
        self.attempts = attempts
    }

    /// Whether Twilio refused because of its rate limit.
    public var isRateLimited: Bool { httpStatus == 429 || code == 20429 }

    public var description: String {
        var text: String
        switch kind {
        case .refused: text = "Twilio refused \(method.rawValue) \(path)"
        case .failed: text = "Twilio failed on \(method.rawValue) \(path)"
        case .noAnswer: text = "No answer from Twilio to \(method.rawValue) \(path)"
        case .undecodable: text = "Twilio's answer to \(method.rawValue) \(path) was not understood"
        }
        let details = [httpStatus.map { "HTTP \($0)" }, code.map { "code \($0)" }].compactMap { $0 }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        text += ": " + message
        if kind == .noAnswer, requestMayHaveBeenSent, method == .post {
            text += ". The request may have reached Twilio, so what it creates may exist: check before sending again"
        }
        if attempts > 1 { text += " [after \(attempts) attempts]" }
        if let moreInfo { text += " — " + moreInfo }
        return text
    }
}

/// Twilio's error body: `{"code": 21211, "message": "…", "more_info": "…", "status": 400}`.
struct TwilioErrorBody: Decodable {
    var code: Int?
    var message: String?
    var moreInfo: String?
    var status: Int?
}
