import AsyncHTTPClient
import Logging

/// Everything a running sandbox holds: its state and the simulators that move it.
final class SandboxWorld: Sendable {
    let configuration: SandboxConfiguration
    let accounts: AccountDirectory
    let numbers = PhoneNumberStore()
    let messages = MessagingState()
    let handsets = HandsetDirectory()
    let events = EventLog()
    let faults: FaultInjector
    let webhooks: WebhookDispatcher
    let messaging: MessagingSimulator
    let voice = VoiceState()
    /// Connects `<Connect><Stream>` to the application's WebSocket server.
    let mediaStreams: any MediaStreamBridge
    let calls: CallSimulator
    let logger: Logger
    /// Verify's services and verifications.
    let verify = VerifyState()
    /// Voice Intelligence's transcripts (the main account starts with two demo ones).
    let transcripts: IntelligenceState
    /// Content templates (the main account starts with the demo ones).
    let contents: ContentState

    init(configuration: SandboxConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        transcripts = IntelligenceState(accountSID: configuration.accountSID)
        contents = ContentState(accountSID: configuration.accountSID)
        accounts = AccountDirectory(accountSID: configuration.accountSID, authToken: configuration.authToken)
        faults = FaultInjector(seed: configuration.faultSeed)
        webhooks = WebhookDispatcher(accounts: accounts, log: events, httpClient: .shared, logger: logger)
        messaging = MessagingSimulator(configuration: configuration, numbers: numbers, messages: messages,
                                       handsets: handsets, webhooks: webhooks)
        mediaStreams = WebSocketMediaStreamBridge(audio: configuration.mediaStreamAudio, voice: voice, handsets: handsets,
                                                  webhooks: webhooks, logger: logger)
        calls = CallSimulator(configuration: configuration, numbers: numbers, voice: voice, handsets: handsets,
                              webhooks: webhooks, mediaStreams: mediaStreams)
    }

    /// Provisions the configured numbers.
    func seed() async {
        for number in configuration.ownedNumbers {
            await numbers.provision(number, accountSID: configuration.accountSID)
        }
    }
}
