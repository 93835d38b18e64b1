import AsyncHTTPClient
import Logging

/// Everything a running sandbox holds: its state and the simulators that move it.
final class SandboxWorld: Sendable {
    let configuration: SandboxConfiguration
    let accounts: AccountDirectory
    let numbers: PhoneNumberStore
    /// Applications: voice and messaging settings for calls and numbers.
    let applications: ApplicationStore
    /// Messaging Services and their number pools.
    let messagingServices: MessagingServiceStore
    let messages: MessagingState
    let handsets = HandsetDirectory()
    let events = EventLog()
    let faults: FaultInjector
    let webhooks: WebhookDispatcher
    let messaging: MessagingSimulator
    let voice: VoiceState
    /// Connects `<Connect><Stream>` to the application's WebSocket server.
    let mediaStreams: any MediaStreamBridge
    let calls: CallSimulator
    let logger: Logger
    /// Everything the simulators do in the background, stopped with the sandbox.
    let background = BackgroundWork()
    /// Verify's services and verifications.
    let verify: VerifyState
    /// Voice Intelligence's transcripts (the main account starts with two demo ones).
    let transcripts: IntelligenceState
    /// Content templates (the main account starts with the demo ones).
    let contents: ContentState

    /// A world in memory, or kept in `configuration.stateFile` (loaded from it when it exists).
    init(configuration: SandboxConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let store = try configuration.stateFile.map { try SandboxStore(path: $0, logger: logger) }
        numbers = try PhoneNumberStore(store: store)
        applications = try ApplicationStore(store: store)
        messagingServices = try MessagingServiceStore(store: store)
        messages = try MessagingState(store: store)
        voice = try VoiceState(store: store)
        verify = try VerifyState(store: store)
        transcripts = try IntelligenceState(accountSID: configuration.accountSID, store: store)
        contents = try ContentState(accountSID: configuration.accountSID, store: store)
        accounts = try AccountDirectory(accountSID: configuration.accountSID, authToken: configuration.authToken, store: store)
        faults = FaultInjector(seed: configuration.faultSeed)
        webhooks = WebhookDispatcher(accounts: accounts, log: events, httpClient: .shared, logger: logger)
        messaging = MessagingSimulator(configuration: configuration, numbers: numbers, applications: applications,
                                       messagingServices: messagingServices, background: background, messages: messages,
                                       handsets: handsets, webhooks: webhooks)
        mediaStreams = WebSocketMediaStreamBridge(audio: configuration.mediaStreamAudio, voice: voice, handsets: handsets,
                                                  webhooks: webhooks, logger: logger)
        calls = CallSimulator(configuration: configuration, numbers: numbers, applications: applications, voice: voice, handsets: handsets,
                              webhooks: webhooks, mediaStreams: mediaStreams, background: background)
    }

    /// Provisions the configured numbers, and takes up what a previous run left going: messages
    /// on their way move on; calls, which cannot outlive the process, end.
    func seed() async {
        for number in configuration.ownedNumbers {
            await numbers.provision(number, accountSID: configuration.accountSID)
        }
        await messaging.resumeDeliveries()
        await TranscriptionSimulator(world: self).resume()
        for call in await voice.endInterruptedCalls() {
            logger.notice("A call left live by the previous run has ended", metadata: ["call": "\(call.sid)", "status": "\(call.status)"])
        }
    }
}
