import Foundation

/// An IncomingPhoneNumber resource (API v2010, `PN…`): a number the account owns and how it
/// handles calls and messages.
public struct IncomingPhoneNumber: Codable, Sendable, Equatable {
    /// The account (`AC…`) that owns the number.
    public var accountSid: String?
    /// The Address (`AD…`) associated with the number.
    public var addressSid: String?
    /// Which address the number requires.
    public var addressRequirements: AddressRequirement?
    /// The API version of the TwiML sessions the number starts.
    public var apiVersion: String?
    /// Whether the number is new to the Twilio platform.
    public var beta: Bool?
    /// What the number can receive.
    public var capabilities: Capabilities?
    /// When the resource was created.
    public var dateCreated: Date?
    /// When the resource was last updated.
    public var dateUpdated: Date?
    /// The number's description.
    public var friendlyName: String?
    /// The Identity (`RI…`) associated with the number.
    public var identitySid: String?
    /// The number in E.164 form.
    public var phoneNumber: String?
    /// `twilio` for Twilio-owned numbers, `hosted` for hosted ones.
    public var origin: String?
    /// `PN…`.
    public var sid: String?
    /// The Application (`AP…`) that handles messages; the `sms*` URLs are ignored when it is set.
    public var smsApplicationSid: String?
    /// The method for ``smsFallbackUrl``.
    public var smsFallbackMethod: WebhookMethod?
    /// Called when fetching or running the TwiML of ``smsUrl`` fails.
    public var smsFallbackUrl: String?
    /// The method for ``smsUrl``.
    public var smsMethod: WebhookMethod?
    /// Called when the number receives a message.
    public var smsUrl: String?
    /// Where Twilio sends call status events.
    public var statusCallback: String?
    /// The method for ``statusCallback``.
    public var statusCallbackMethod: WebhookMethod?
    /// The SIP trunk (`TK…`) that handles calls; voice URLs and applications are ignored when it is set.
    public var trunkSid: String?
    /// The resource's URI, relative to the API's origin.
    public var uri: String?
    /// Whether the number receives voice calls or faxes.
    public var voiceReceiveMode: VoiceReceiveMode?
    /// The Application (`AP…`) that handles calls; the `voice*` URLs are ignored when it is set.
    public var voiceApplicationSid: String?
    /// Whether Twilio looks up callers' CNAM names.
    public var voiceCallerIdLookup: Bool?
    /// The method for ``voiceFallbackUrl``.
    public var voiceFallbackMethod: WebhookMethod?
    /// Called when fetching or running the TwiML of ``voiceUrl`` fails.
    public var voiceFallbackUrl: String?
    /// The method for ``voiceUrl``.
    public var voiceMethod: WebhookMethod?
    /// Called when the number receives a call.
    public var voiceUrl: String?
    /// Whether emergency calling is active.
    public var emergencyStatus: EmergencyStatus?
    /// The emergency Address (`AD…`) used for emergency calls.
    public var emergencyAddressSid: String?
    /// The registration state of the emergency address.
    public var emergencyAddressStatus: EmergencyAddressStatus?
    /// The regulatory Bundle (`BU…`) associated with the number.
    public var bundleSid: String?
    /// The number's status (`in-use`, …).
    public var status: String?
    /// The number's type (`local`, `mobile`, `toll-free`, …).
    public var type: String?

    /// What a number can receive.
    public struct Capabilities: Codable, Sendable, Equatable {
        /// MMS messages.
        public var mms: Bool?
        /// SMS messages.
        public var sms: Bool?
        /// Voice calls.
        public var voice: Bool?
        /// Faxes.
        public var fax: Bool?
    }

    /// The method Twilio uses to call a webhook.
    public enum WebhookMethod: String, TwilioEnum {
        /// `GET`.
        case get = "GET"
        /// `POST`.
        case post = "POST"
        /// A method this library does not know yet.
        case unknown
    }

    /// Which address a number requires.
    public enum AddressRequirement: String, TwilioEnum {
        /// None.
        case none
        /// Any address.
        case any
        /// An address in the number's country.
        case local
        /// An address outside the number's country.
        case foreign
        /// A requirement this library does not know yet.
        case unknown
    }

    /// Whether emergency calling is active on a number.
    public enum EmergencyStatus: String, TwilioEnum {
        /// Active.
        case active = "Active"
        /// Inactive.
        case inactive = "Inactive"
        /// A status this library does not know yet.
        case unknown
    }

    /// The registration state of a number's emergency address.
    public enum EmergencyAddressStatus: String, TwilioEnum {
        /// Registered.
        case registered
        /// Not registered.
        case unregistered
        /// Registration under way.
        case pendingRegistration = "pending-registration"
        /// Registration failed.
        case registrationFailure = "registration-failure"
        /// Unregistration under way.
        case pendingUnregistration = "pending-unregistration"
        /// Unregistration failed.
        case unregistrationFailure = "unregistration-failure"
        /// A status this library does not know yet.
        case unknown
    }

    /// Whether a number receives voice calls or faxes.
    public enum VoiceReceiveMode: String, TwilioEnum {
        /// Voice calls.
        case voice
        /// Faxes.
        case fax
        /// A mode this library does not know yet.
        case unknown
    }
}
