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

/// A range of days from `DateSent`, `DateSent<` and `DateSent>` (inclusive, as Twilio documents).
struct DateFilterRange: Sendable {
    var onOrAfter: Date?
    var onOrBefore: Date?

    static let any = DateFilterRange()

    /// Reads `Name`, `Name<` and `Name>`: a day (`2024-05-01`) covers that whole UTC day.
    init(_ query: FormParameters, name: String) throws(SandboxError) {
        func parse(_ key: String) throws(SandboxError) -> (start: Date, end: Date)? {
            guard let value = query.first(key) else { return nil }
            guard let date = TwilioDateFormat.date(from: value) else {
                throw .invalidParameter(key, value, rule: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time")
            }
            let isDay = value.count == 10
            return (date, isDay ? date.addingTimeInterval(86_399.999) : date)
        }
        if let on = try parse(name) { onOrAfter = on.start; onOrBefore = on.end }
        if let before = try parse(name + "<") { onOrBefore = before.end }
        if let after = try parse(name + ">") { onOrAfter = after.start }
    }

    init() {}

    func contains(_ date: Date) -> Bool {
        (onOrAfter.map { date >= $0 } ?? true) && (onOrBefore.map { date <= $0 } ?? true)
    }
}
