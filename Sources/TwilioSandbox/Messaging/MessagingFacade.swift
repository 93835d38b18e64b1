import Foundation
import TwilioKit

/// Messaging's one entrance, which its controllers and the other products use: the messages of
/// every account and the simulator that validates, renders, schedules, delivers and receives them
/// under the channels' rules.
struct MessagingFacade: Sendable {
    private let messages: ResourceStore<MessageRecord>
    private let simulator: MessagingSimulator

    /// Messaging with the messages `store` kept, its simulator wired with `environment`, the
    /// account's numbers, its Messaging Services, its Content templates and `rules`; `SendAt` must
    /// be `minimumScheduleLead` ahead.
    init(environment: SimulationEnvironment, store: SandboxStore?, minimumScheduleLead: Duration,
         phoneNumbers: PhoneNumbersFacade, messagingServices: MessagingServicesFacade, content: ContentFacade,
         rules: MessagingRules) throws {
        messages = try ResourceStore(store: store)
        simulator = MessagingSimulator(environment: environment, messages: messages, phoneNumbers: phoneNumbers,
                                       messagingServices: messagingServices, content: content, rules: rules,
                                       minimumScheduleLead: minimumScheduleLead)
    }

    /// CreateMessage: validated as Twilio validates it, then queued (or scheduled).
    func create(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> MessageRecord {
        try await simulator.create(form, accountSID: accountSID)
    }

    /// Sends a message the sandbox itself writes (a Verify code): stored, then delivered like any
    /// other, on Twilio's own approved templates (so outside any WhatsApp window).
    func send(_ message: MessageRecord) async {
        var message = message
        message.contentSource = .twilioService
        await simulator.queue(message, sender: message.from)
    }

    /// The message `sid` of `accountSID`.
    func message(_ sid: String, accountSID: String) async -> MessageRecord? {
        await messages.record(sid, accountSID: accountSID)
    }

    /// The account's messages that `query` admits, newest first.
    func list(accountSID: String, _ query: MessageQuery = MessageQuery()) async -> [MessageRecord] {
        await messages.records(of: accountSID, .newestFirst, where: query.matches)
    }

    /// Every message of the account to or from `address`, oldest first (a handset's conversation).
    func conversation(of address: String, accountSID: String) async -> [MessageRecord] {
        await messages.records(of: accountSID) { $0.to == address || $0.from == address }
    }

    /// UpdateMessage: cancels a scheduled message, or redacts a finished one.
    func update(_ sid: String, form: FormParameters, accountSID: String) async throws(SandboxError) -> MessageRecord {
        try await simulator.update(sid, form: form, accountSID: accountSID)
    }

    /// Deletes `message`.
    func delete(_ message: MessageRecord) async {
        await messages.delete(message.sid, accountSID: message.accountSID)
    }

    /// Takes the media item `mediaSID` off `message`.
    func deleteMedia(_ mediaSID: String, of message: MessageRecord) async {
        await messages.modify(message.sid) { message in
            message.media.removeAll { $0.sid == mediaSID }
            message.dateUpdated = Date()
        }
    }

    /// A simulated handset texts an owned number; see ``MessagingSimulator/receive(from:to:body:mediaURLs:whatsApp:)``.
    func receive(from handset: String, to: String, body: String, mediaURLs: [String],
                 whatsApp: WhatsAppInboundDetails) async throws(SandboxError) -> MessagingSimulator.InboundResult {
        try await simulator.receive(from: handset, to: to, body: body, mediaURLs: mediaURLs, whatsApp: whatsApp)
    }

    /// A WhatsApp user reads what the account sent; see ``MessagingSimulator/read(by:messageSID:accountSID:)``.
    func read(by handset: String, messageSID: String?, accountSID: String) async throws(SandboxError) -> [MessageRecord] {
        try await simulator.read(by: handset, messageSID: messageSID, accountSID: accountSID)
    }

    /// Takes up the messages a previous run left on their way, and the WhatsApp windows its
    /// inbound messages opened.
    func resume() async {
        await simulator.resumeDeliveries()
        await simulator.reopenWindows()
    }
}
