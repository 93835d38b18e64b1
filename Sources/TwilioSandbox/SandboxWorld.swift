import Logging

/// Everything a running sandbox holds, wired once: each product's façade (its state and
/// simulator behind it), and what they share (accounts, faults, webhooks, handsets, background
/// work). The controllers get the façade they need from here, never the world.
final class SandboxWorld: Sendable {
    let configuration: SandboxConfiguration
    let logger: Logger
    /// Everything the simulators do in the background, stopped with the sandbox.
    let background = BackgroundWork()
    /// The accounts and their API keys: who may call the API, and whose token signs webhooks.
    let accounts: AccountDirectory
    /// The faults switched on through the inspection API.
    let faults: FaultInjector
    /// Every webhook the sandbox posted.
    let webhookLog = WebhookLog()
    /// How the simulated handsets answer messages, calls and `<Gather>`s.
    let handsets = HandsetDirectory()
    /// The sandbox's time, for the rules that measure it (WhatsApp's 24-hour window).
    let clock = SandboxClock()
    /// What messaging's rules consult: WhatsApp windows and senders, Geo-Permissions.
    let messagingRules: MessagingRules
    let applications: ApplicationsFacade
    let phoneNumbers: PhoneNumbersFacade
    let messagingServices: MessagingServicesFacade
    let messaging: MessagingFacade
    let voice: VoiceFacade
    let verify: VerifyFacade
    let intelligence: IntelligenceFacade
    let content: ContentFacade
    let lookups: LookupsFacade
    let events: EventsFacade

    /// A world in memory, or kept in `configuration.stateFile` (loaded from it when it exists).
    init(configuration: SandboxConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let store = try configuration.stateFile.map { try SandboxStore(path: $0, logger: logger) }
        accounts = try AccountDirectory(accountSID: configuration.accountSID, authToken: configuration.authToken, store: store)
        faults = FaultInjector(seed: configuration.faultSeed)
        let webhooks = WebhookDispatcher(accounts: accounts, log: webhookLog, logger: logger)
        events = try EventsFacade(store: store, webhooks: webhooks, background: background)
        let environment = SimulationEnvironment(background: background, webhooks: webhooks, eventStreams: events, handsets: handsets,
                                                statusStep: configuration.statusStep, logger: logger)
        applications = try ApplicationsFacade(store: store)
        phoneNumbers = try PhoneNumbersFacade(store: store, applications: applications)
        messagingServices = try MessagingServicesFacade(store: store, phoneNumbers: phoneNumbers)
        content = try ContentFacade(accountSID: configuration.accountSID, store: store)
        messagingRules = MessagingRules(clock: clock, whatsAppSenders: [configuration.accountSID: configuration.ownedNumbers])
        messaging = try MessagingFacade(environment: environment, store: store, minimumScheduleLead: configuration.minimumScheduleLead,
                                        phoneNumbers: phoneNumbers, messagingServices: messagingServices, content: content,
                                        rules: messagingRules)
        voice = try VoiceFacade(environment: environment, store: store, phoneNumbers: phoneNumbers, applications: applications,
                                mediaStreamAudio: configuration.mediaStreamAudio)
        verify = try VerifyFacade(store: store, phoneNumbers: phoneNumbers, messaging: messaging)
        intelligence = try IntelligenceFacade(environment: environment, store: store, accountSID: configuration.accountSID, voice: voice)
        lookups = LookupsFacade(phoneNumbers: phoneNumbers)
    }

    /// Provisions the configured numbers, and takes up what a previous run left going: messages
    /// and transcripts on their way move on; calls, which cannot outlive the process, end.
    func seed() async {
        for number in configuration.ownedNumbers {
            await phoneNumbers.provision(number, accountSID: configuration.accountSID)
        }
        await messaging.resume()
        await intelligence.resume()
        for call in await voice.resume() {
            logger.notice("A call left live by the previous run has ended", metadata: ["call": "\(call.sid)", "status": "\(call.status.rawValue)"])
        }
    }
}
