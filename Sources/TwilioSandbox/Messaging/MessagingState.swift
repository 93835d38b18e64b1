import Foundation
import TwilioKit

/// The messages of every account, with Twilio's validation on create.
actor MessagingState {
    private var messages: RecordTable<MessageRecord>

    /// The messages `store` kept, or none.
    init(store: SandboxStore?) throws {
        messages = try RecordTable(store: store)
    }

    /// Stores a new message.
    func insert(_ message: MessageRecord) {
        messages.save(message)
    }

    /// The message `sid`, whichever account owns it.
    func message(_ sid: String) -> MessageRecord? { messages[sid] }

    /// The message `sid` of `accountSID`.
    func message(_ sid: String, accountSID: String) -> MessageRecord? {
        messages[sid, of: accountSID]
    }

    /// Applies `change` to message `sid` and returns the result.
    @discardableResult
    func update(_ sid: String, _ change: (inout MessageRecord) -> Void) -> MessageRecord? {
        messages.modify(sid) { message in
            change(&message)
            message.dateUpdated = Date()
        }
    }

    /// Deletes message `sid`.
    func delete(_ sid: String, accountSID: String) -> Bool {
        messages.remove(sid, of: accountSID)
    }

    /// The account's messages, newest first, with ListMessage's filters.
    func list(accountSID: String, to: String? = nil, from: String? = nil, sentOn: DateFilterRange = .any) -> [MessageRecord] {
        messages.newestFirst.filter { message in
            message.accountSID == accountSID
                && (to.map { message.to == $0 } ?? true)
                && (from.map { message.from == $0 } ?? true)
                && sentOn.contains(message.dateSent ?? message.dateCreated)
        }
    }

    /// Every message to or from `address`, oldest first (a handset's conversation).
    func conversation(of address: String) -> [MessageRecord] {
        messages.oldestFirst.filter { $0.to == address || $0.from == address }
    }

    /// Messages still on their way (scheduled, queued, sending or sent), oldest first: after a
    /// restart, the simulator takes them up where they were.
    func inFlight() -> [MessageRecord] {
        messages.oldestFirst.filter { MessageRecord.inFlightStatuses.contains($0.status) }
    }
}
