import Foundation
import TwilioKit

/// A trigger connected to Twilio by the connector: which webhook setting of which resource it
/// took over (a number's `SmsUrl`, a Messaging Service's `InboundRequestUrl`, an Event Streams
/// subscription), with the values that were there before, so that removing it puts them back.
public struct Registration: Sendable, Equatable {
    /// Where a trigger is registered.
    public enum Kind: String, Sendable, CaseIterable {
        /// A field of an IncomingPhoneNumber (`PN…`).
        case number
        /// The inbound webhook of a Messaging Service (`MG…`) whose URL wins over its numbers'.
        case messagingService = "messaging-service"
        /// An Event Streams sink (`DG…`) and subscription of the account.
        case eventStreams = "event-streams"
    }

    /// `reg_…`.
    public let id: String
    /// The trigger's core name (`newSms`).
    public let trigger: String
    /// Where it is registered.
    public let kind: Kind
    /// What it owns, unique across registrations: `PN…:SmsUrl`, `MG…:InboundRequestUrl`,
    /// `event-streams:newSms`. Two registrations of one slot cannot both be stored.
    public let slot: String
    /// The resource changed: the number (`PN…`), the service (`MG…`) or the sink (`DG…`).
    public let resourceSid: String
    /// The phone number (E.164) the registration is about, when it is about one.
    public let phoneNumber: String?
    /// The setting owned (`SmsUrl`, `VoiceUrl`, `StatusCallback`, `InboundRequestUrl`, `EventStreams`).
    public let field: String
    /// The URL Twilio now calls: the trigger's webhook with its settings, or the sink's destination.
    public let url: String
    /// The owned settings as they were before (`{"SmsUrl": "https://…", "SmsMethod": "POST", …}`;
    /// for Event Streams, the sink and subscription found or created).
    public let previous: JSONValue
    /// The owned settings as the registration set them, to tell whether someone changed them since.
    public let applied: JSONValue
    /// When it was registered, to the millisecond (as the store keeps it, so a registration read
    /// back equals the one stored).
    public let createdAt: Date

    /// Creates a registration.
    public init(id: String, trigger: String, kind: Kind, slot: String, resourceSid: String, phoneNumber: String?, field: String,
                url: String, previous: JSONValue, applied: JSONValue, createdAt: Date) {
        self.id = id
        self.trigger = trigger
        self.kind = kind
        self.slot = slot
        self.resourceSid = resourceSid
        self.phoneNumber = phoneNumber
        self.field = field
        self.url = url
        self.previous = previous
        self.applied = applied
        self.createdAt = Date(storeMilliseconds: createdAt.storeMilliseconds)
    }

    /// A new identifier, `reg_` and 32 hexadecimal digits.
    public static func makeID() -> String {
        StoreIdentifier.make("reg")
    }

    /// The same registration with other settings (`previous` and `applied`) and URL.
    public func with(url: String? = nil, resourceSid: String? = nil, previous: JSONValue? = nil, applied: JSONValue? = nil) -> Registration {
        Registration(id: id, trigger: trigger, kind: kind, slot: slot, resourceSid: resourceSid ?? self.resourceSid, phoneNumber: phoneNumber,
                     field: field, url: url ?? self.url, previous: previous ?? self.previous, applied: applied ?? self.applied,
                     createdAt: createdAt)
    }
}
