import Foundation

/// ListMessage's filters: `To`, `From` and the `DateSent` range.
struct MessageQuery: Sendable {
    var to: String?
    var from: String?
    var sentOn: DateFilterRange = .any

    /// Whether `message` passes every filter given.
    func matches(_ message: MessageRecord) -> Bool {
        (to.map { message.to == $0 } ?? true)
            && (from.map { message.from == $0 } ?? true)
            && sentOn.contains(message.dateSent ?? message.dateCreated)
    }
}
