import Foundation
import TwilioKit

/// Messaging's one entrance, which its controllers and the other products use: the messages of
/// every account and the simulator that validates, schedules, delivers and receives them.
struct MessagingFacade: Sendable {
    private let messages: ResourceStore<MessageRecord>
    private let simulator: MessagingSimulator

    /// Messaging with the messages `store` kept, its simulator wired with `environment`, the
    /// account's numbers and its Messaging Services; `SendAt` must be `minimumScheduleLead` ahead.
    init(environment: SimulationEnvironment, store: SandboxStore?, minimumScheduleLead: Duration,
         phoneNumbers: PhoneNumbersFacade, messagingServices: MessagingServicesFacade) throws {
        messages = try ResourceStore(store: store)
        simulator = MessagingSimulator(environment: environment, messages: messages, phoneNumbers: phoneNumbers,
                                       messagingServices: messagingServices, minimumScheduleLead: minimumScheduleLead)
    }

    /// CreateMessage: validated as Twilio validates it, then queued (or scheduled).
    func create(_ form: FormParameters, accountSID: String) async throws(SandboxError) -> MessageRecord {
        try await simulator.create(form, accountSID: accountSID)
    }

    /// Sends a message the sandbox itself writes (a Verify code): stored, then delivered like any other.
    func send(_ message: MessageRecord) async {
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

    /// A simulated handset texts an owned number; see ``MessagingSimulator/receive(from:to:body:mediaURLs:profileName:)``.
    func receive(from handset: String, to: String, body: String, mediaURLs: [String],
                 profileName: String?) async throws(SandboxError) -> MessagingSimulator.InboundResult {
        try await simulator.receive(from: handset, to: to, body: body, mediaURLs: mediaURLs, profileName: profileName)
    }

    /// Takes up the messages a previous run left on their way.
    func resume() async {
        await simulator.resumeDeliveries()
    }
}
