import Foundation
import TwilioKit

/// What a bulk-send job keeps in the store to run on any instance: the action's parameters but the
/// recipients (the status callback already resolved), the pace, the concurrency and the number of
/// duplicates dropped. Never credentials: a job runs on the default connection of each instance.
struct BulkSendJobParameters: Sendable, Equatable {
    /// The job's kind in the store.
    static let kind = "sendBulkSMS"

    /// The message every recipient gets, as the action's validated parameters.
    var message: [String: JSONValue]
    var messagesPerSecond: Double
    var concurrency: Int
    var duplicateCount: Int

    init(message: [String: JSONValue], messagesPerSecond: Double, concurrency: Int, duplicateCount: Int) {
        self.message = message
        self.messagesPerSecond = messagesPerSecond
        self.concurrency = concurrency
        self.duplicateCount = duplicateCount
    }

    /// Reads what ``json`` wrote; `nil` for anything else.
    init?(_ json: JSONValue) {
        guard let fields = json.objectFields, let message = fields["message"]?.objectFields,
              let pace = fields["messagesPerSecond"]?.doubleValue, let concurrency = fields["concurrency"]?.integerValue,
              let duplicates = fields["duplicateCount"]?.integerValue else { return nil }
        self.init(message: message, messagesPerSecond: pace, concurrency: concurrency, duplicateCount: duplicates)
    }

    var json: JSONValue {
        ["message": .object(message), "messagesPerSecond": .number(messagesPerSecond), "concurrency": .number(Double(concurrency)),
         "duplicateCount": .number(Double(duplicateCount))]
    }

    /// The message to send, `To` left for each recipient.
    var template: MessageCreateParameters {
        MessagingActions.bulkMessageParameters.request(ActionInput(values: message), from: MessagingActions.blankMessage)
    }
}
