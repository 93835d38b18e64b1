/// A stream problem as Twilio's debugger reports it: a code of the 319xx family, Twilio's message
/// for it followed by what the sandbox saw, and whether Twilio logs it as an error or a warning.
/// Each factory quotes the entry of Twilio's error catalogue (`twilio-error-codes.json`) it follows.
struct MediaStreamError: Error, Sendable, Equatable {
    /// Twilio's `log_level` for the code.
    enum Level: String, Sendable {
        /// The stream failed, or could not start.
        case error
        /// The stream goes on; Twilio reports the code once per stream.
        case warning
    }

    let code: Int
    let level: Level
    /// Twilio's message for the code, then the sandbox's detail.
    let message: String

    private init(_ code: Int, _ level: Level, _ title: String, _ detail: String?) {
        self.code = code
        self.level = level
        message = detail.map { "\(title): \($0)" } ?? title
    }

    // MARK: Before the stream starts

    /// 31941: `"message": "Stream - Invalid Track configuration"`, `"causes": "* Value different of
    /// \"inbound_track\" is used with verb Connect …"`, `"log_level": "ERROR"`.
    static func invalidTrack(_ track: String) -> Self {
        Self(31941, .error, "Stream - Invalid Track configuration",
             "<Connect><Stream> supports only track=\"inbound_track\", not \"\(track)\"")
    }

    /// 31922: `"message": "Stream - WebSocket - URL Schema Not Supported"`, `"solutions": "* Verify
    /// the schema in TwiML URL is wss"`, `"log_level": "ERROR"`.
    static func schemeNotSupported(_ scheme: String) -> Self {
        Self(31922, .error, "Stream - WebSocket - URL Schema Not Supported", scheme)
    }

    /// 31923: `"message": "Stream - WebSocket - Malformed URL"`, `"causes": "* URL schema is
    /// malformed"`, `"log_level": "ERROR"`.
    static func malformedURL(_ url: String?) -> Self {
        Self(31923, .error, "Stream - WebSocket - Malformed URL", url)
    }

    /// 31920: `"message": "Stream - WebSocket - Handshake Error"`, `"description": "The server has
    /// returned an HTTP code different from 101 to the connection request sent by stream"`.
    static let handshakeError = Self(31920, .error, "Stream - WebSocket - Handshake Error",
                                     "the server answered the upgrade request with a status other than 101")

    /// 31901: `"message": "Stream - WebSocket - Connection Timeout"`, `"secondary_message": "The
    /// WebSocket connection request sent by the stream didn't receive any response from the server"`.
    static let connectionTimeout = Self(31901, .error, "Stream - WebSocket - Connection Timeout", nil)

    /// 31902: `"message": "Stream - WebSocket - Connection Refused"`, `"secondary_message": "The
    /// WebSocket connection request sent by the stream is refused by the server host"`.
    static let connectionRefused = Self(31902, .error, "Stream - WebSocket - Connection Refused", nil)

    /// 31904: `"message": "Stream - WebSocket - Host Unreachable"`, `"description": "The WebSocket
    /// connection cannot be created because the server is unreachable."`.
    static let hostUnreachable = Self(31904, .error, "Stream - WebSocket - Host Unreachable", nil)

    /// 31910: `"message": "Stream - WebSocket - SSL Protocol Error"`, `"secondary_message": "The
    /// server doesn’t support SSL, can’t provide a secure connection or the SSL handshake has failed"`.
    static func sslProtocolError(_ detail: String) -> Self {
        Self(31910, .error, "Stream - WebSocket - SSL Protocol Error", detail)
    }

    /// 31900: `"message": "Stream - Unknown Error"`, `"secondary_message": "This stream has failed
    /// due to an unknown cause"`.
    static func unknown(_ detail: String) -> Self {
        Self(31900, .error, "Stream - Unknown Error", detail)
    }

    /// 12200: `"message": "Schema validation warning"`, `"secondary_message": "The provided XML does
    /// not conform to the Twilio Markup XML schema. …"`, `"log_level": "WARNING"`: the `<Stream>`
    /// docs say "The combined length of each `<Parameter>` `name` and `value` attributes must be
    /// under 500 characters." The parameter is left out of `start.customParameters`.
    static func parameterTooLong(_ name: String, length: Int) -> Self {
        Self(12200, .warning, "Schema validation warning",
             "<Parameter name=\"\(name.prefix(40))\"> has a name and value of \(length) characters together: they must be under 500")
    }

    // MARK: While it runs

    /// 31903: `"message": "Stream - WebSocket - Connection Broken Pipe"`, `"secondary_message": "The
    /// WebSocket connection has been abruptly closed by the server"`.
    static let brokenPipe = Self(31903, .error, "Stream - WebSocket - Connection Broken Pipe", nil)

    /// 31921: `"message": "Stream - WebSocket - Close Error"`, `"secondary_message": "The remote
    /// server has closed the WebSocket connection"`, `"causes": "* The remote server ended the
    /// connection with a termination code listed in …rfc6455#section-7.4.1"`.
    static func closeError(code: Int) -> Self {
        Self(31921, .error, "Stream - WebSocket - Close Error", "the server closed the connection with code \(code)")
    }

    /// 31924: `"message": "Stream - Websocket - Protocol Error"`, `"description": "Malformed message
    /// or message not conformant with WebSocket protocol"`, `"log_level": "ERROR"`. Twilio's page for
    /// it adds: "When sending a `media` message, encode the payload as base64 `audio/x-mulaw` audio
    /// at `8000` Hz and do not include audio file header bytes." The stream ends.
    static func protocolError(_ detail: String) -> Self {
        Self(31924, .error, "Stream - Websocket - Protocol Error", detail)
    }

    /// 31950: `"message": "Stream - Protocol - Malformed Message"`, `"description": "The Streamer has
    /// received a message that cannot be decoded\r\n(This error is sent once per stream)"`,
    /// `"causes": "* WebSocket binary format is used"`, `"log_level": "WARNING"`.
    static let binaryFrame = Self(31950, .warning, "Stream - Protocol - Malformed Message",
                                  "binary WebSocket frames are not part of the protocol")

    /// 31951: `"message": "Stream - Protocol - Invalid Message"`, `"description": "The Streamer has
    /// received a message non compliant with the protocol\r\n(This error is sent once per stream)"`,
    /// `"causes": "* Message does not have JSON format\r\n* Unknown message type\r\n* Missing or
    /// extra field in message\r\n* Wrong Stream SID used in message"`, `"log_level": "WARNING"`.
    static func invalidMessage(_ detail: String) -> Self {
        Self(31951, .warning, "Stream - Protocol - Invalid Message", detail)
    }

    /// 31931: `"message": "Stream - Media - Media Discarded"`, `"description": "Audio discarded due
    /// to buffer overflow in the Websocket downstream .\r\nNOTE: This error is sent once per stream"`,
    /// `"causes": "* More than 10 minutes of audio is buffered by the Streamer. No more data is
    /// accepted."`, `"log_level": "WARNING"`.
    static let mediaDiscarded = Self(31931, .warning, "Stream - Media - Media Discarded",
                                     "more than 10 minutes of audio is buffered: the audio sent is discarded")
}
