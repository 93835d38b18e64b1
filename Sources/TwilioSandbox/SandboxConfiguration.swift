/// How a sandbox is set up: where it listens, its account's credentials, its phone numbers and
/// how fast simulated time runs.
public struct SandboxConfiguration: Sendable {
    /// The interface to listen on.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The main account's SID.
    public var accountSID: String
    /// The main account's Auth Token.
    public var authToken: String
    /// Numbers the main account owns from the start (E.164).
    public var ownedNumbers: [String]
    /// The pause between two status changes of a message or call.
    public var statusStep: Duration
    /// How long a scheduled message's `SendAt` may be early: Twilio requires 15 minutes ahead;
    /// tests shorten it.
    public var minimumScheduleLead: Duration
    /// Seeds the random numbers of fault injection, so a run can be repeated.
    public var faultSeed: UInt64
    /// What the caller says into a `<Connect><Stream>`, and how fast the stream runs.
    public var mediaStreamAudio: MediaStreamAudio
    /// A SQLite file that keeps the sandbox's resources across restarts (created when missing);
    /// `nil` keeps them in memory only.
    public var stateFile: String?

    /// The well-known sandbox account, printed at start-up.
    public static let defaultAccountSID = "AC5a4db0c05a4db0c05a4db0c05a4db0c0"
    /// The well-known sandbox Auth Token (a local emulator: not a secret).
    public static let defaultAuthToken = "sandbox-auth-token-0123456789abcd"

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: Int = 4010,
        accountSID: String = SandboxConfiguration.defaultAccountSID,
        authToken: String = SandboxConfiguration.defaultAuthToken,
        ownedNumbers: [String] = ["+15005550006", "+14155550100", "+14155550101", "+18005550100"],
        statusStep: Duration = .milliseconds(300),
        minimumScheduleLead: Duration = .seconds(15 * 60),
        faultSeed: UInt64 = 2010,
        mediaStreamAudio: MediaStreamAudio = MediaStreamAudio(),
        stateFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.accountSID = accountSID
        self.authToken = authToken
        self.ownedNumbers = ownedNumbers
        self.statusStep = statusStep
        self.minimumScheduleLead = minimumScheduleLead
        self.faultSeed = faultSeed
        self.mediaStreamAudio = mediaStreamAudio
        self.stateFile = stateFile
    }
}
