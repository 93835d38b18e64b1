import AsyncHTTPClient
import Logging

/// Everything a running sandbox holds: its state and the simulators that move it.
final class SandboxWorld: Sendable {
    let configuration: SandboxConfiguration
    let accounts: AccountDirectory
    let applications: ApplicationsFacade
    let phoneNumbers: PhoneNumbersFacade
    let messagingServices: MessagingServicesFacade
    let messages: MessagingState
    let handsets = HandsetDirectory()
    /// Every webhook the sandbox posted.
    let webhookLog = WebhookLog()
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
    let content: ContentFacade
    let lookups: LookupsFacade

    /// A world in memory, or kept in `configuration.stateFile` (loaded from it when it exists).
    init(configuration: SandboxConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let store = try configuration.stateFile.map { try SandboxStore(path: $0, logger: logger) }
        applications = try ApplicationsFacade(store: store)
        phoneNumbers = try PhoneNumbersFacade(store: store, applications: applications)
        messagingServices = try MessagingServicesFacade(store: store, phoneNumbers: phoneNumbers)
        messages = try MessagingState(store: store)
        voice = try VoiceState(store: store)
        verify = try VerifyState(store: store)
        transcripts = try IntelligenceState(accountSID: configuration.accountSID, store: store)
        content = try ContentFacade(accountSID: configuration.accountSID, store: store)
        lookups = LookupsFacade(phoneNumbers: phoneNumbers)
        accounts = try AccountDirectory(accountSID: configuration.accountSID, authToken: configuration.authToken, store: store)
        faults = FaultInjector(seed: configuration.faultSeed)
        webhooks = WebhookDispatcher(accounts: accounts, log: webhookLog, httpClient: .shared, logger: logger)
        messaging = MessagingSimulator(configuration: configuration, numbers: phoneNumbers,
                                       messagingServices: messagingServices, background: background, messages: messages,
                                       handsets: handsets, webhooks: webhooks)
        mediaStreams = WebSocketMediaStreamBridge(audio: configuration.mediaStreamAudio, voice: voice, handsets: handsets,
                                                  webhooks: webhooks, logger: logger)
        calls = CallSimulator(configuration: configuration, numbers: phoneNumbers, applications: applications, voice: voice, handsets: handsets,
                              webhooks: webhooks, mediaStreams: mediaStreams, background: background)
    }

    /// Provisions the configured numbers, and takes up what a previous run left going: messages
    /// on their way move on; calls, which cannot outlive the process, end.
    func seed() async {
        for number in configuration.ownedNumbers {
            await phoneNumbers.provision(number, accountSID: configuration.accountSID)
        }
        await messaging.resumeDeliveries()
        await TranscriptionSimulator(world: self).resume()
        for call in await voice.endInterruptedCalls() {
            logger.notice("A call left live by the previous run has ended", metadata: ["call": "\(call.sid)", "status": "\(call.status)"])
        }
    }
}
