import Foundation

/// A phone number in a Messaging Service's sender pool (`/v1/Services/{ServiceSid}/PhoneNumbers/{Sid}`).
public struct MessagingServicePhoneNumber: Codable, Sendable, Equatable {
    /// The IncomingPhoneNumber (`PN…`).
    public var sid: String?
    /// The account (`AC…`) that owns the number.
    public var accountSid: String?
    /// The Messaging Service (`MG…`).
    public var serviceSid: String?
    /// The number in E.164 form.
    public var phoneNumber: String?
    /// The number's ISO country code.
    public var countryCode: String?
    /// What the number can do: `Voice`, `SMS`, `MMS`.
    public var capabilities: [String]?
    /// When the number was added.
    public var dateCreated: Date?
    /// When the resource was last updated.
    public var dateUpdated: Date?
    /// The resource's absolute URL.
    public var url: String?
}
