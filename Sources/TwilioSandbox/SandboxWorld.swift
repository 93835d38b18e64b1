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
    let logger: Logger

    init(configuration: SandboxConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        accounts = AccountDirectory(accountSID: configuration.accountSID, authToken: configuration.authToken)
        faults = FaultInjector(seed: configuration.faultSeed)
        webhooks = WebhookDispatcher(accounts: accounts, log: events, httpClient: .shared, logger: logger)
        messaging = MessagingSimulator(configuration: configuration, numbers: numbers, messages: messages,
                                       handsets: handsets, webhooks: webhooks)
    }

    /// Provisions the configured numbers.
    func seed() async {
        for number in configuration.ownedNumbers {
            await numbers.provision(number, accountSID: configuration.accountSID)
        }
    }
}
