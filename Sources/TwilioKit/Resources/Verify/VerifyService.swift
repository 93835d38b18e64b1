import Foundation

/// A Verify Service (`VA…`): the configuration verifications are sent with.
public struct VerifyService: Codable, Sendable, Equatable {
    /// `VA…`.
    public var sid: String?
    /// The account (`AC…`) that owns the service.
    public var accountSid: String?
    /// The name shown in verification messages.
    public var friendlyName: String?
    /// The length of generated codes.
    public var codeLength: Int?
    /// Whether each verification does a lookup of the number.
    public var lookupEnabled: Bool?
    /// Whether PSD2 transaction parameters are passed.
    public var psd2Enabled: Bool?
    /// Whether SMS verifications to landlines are skipped.
    public var skipSmsToLandlines: Bool?
    /// Whether calls ask the user to press a key before reading the code.
    public var dtmfInputRequired: Bool?
    /// An alternative text-to-speech voice for calls.
    public var ttsName: String?
    /// Whether SMS bodies end with a do-not-share warning.
    public var doNotShareWarningEnabled: Bool?
    /// Whether verifications may carry a custom code.
    public var customCodeEnabled: Bool?
    /// The Push factors' configuration.
    public var push: Push?
    /// The TOTP factors' configuration.
    public var totp: TOTP?
    /// The default message template (`HJ…`).
    public var defaultTemplateSid: String?
    /// The WhatsApp sender configuration.
    public var whatsapp: WhatsApp?
    /// The Passkeys configuration.
    public var passkeys: Passkeys?
    /// Whether verifications reach the Event Streams sinks.
    public var verifyEventSubscriptionEnabled: Bool?
    /// When the service was created.
    public var dateCreated: Date?
    /// When the service was last updated.
    public var dateUpdated: Date?
    /// The resource's absolute URL.
    public var url: String?
    /// The URLs of related resources, by name (`verifications`, `verification_checks`, …).
    public var links: [String: String]?
}

extension VerifyService {
    /// The Push factors' configuration.
    public struct Push: Codable, Sendable, Equatable {
        /// Whether challenges include the date (deprecated by Twilio).
        public var includeDate: Bool?
        /// The APN credential (`CR…`) for iOS devices.
        public var apnCredentialSid: String?
        /// The FCM credential (`CR…`) for Android devices.
        public var fcmCredentialSid: String?
    }

    /// The TOTP factors' configuration.
    public struct TOTP: Codable, Sendable, Equatable {
        /// The issuer in TOTP URIs.
        public var issuer: String?
        /// How often, in seconds, a new code is generated.
        public var timeStep: Int?
        /// The number of digits of codes.
        public var codeLength: Int?
        /// How many time steps before and after are accepted.
        public var skew: Int?
    }

    /// The WhatsApp sender configuration.
    public struct WhatsApp: Codable, Sendable, Equatable {
        /// The Messaging Service (`MG…`) holding the WhatsApp senders.
        public var msgServiceSid: String?
        /// The WhatsApp sender (`whatsapp:+1…`).
        public var from: String?
    }

    /// The Passkeys configuration.
    public struct Passkeys: Codable, Sendable, Equatable {
        /// The relying party.
        public var relyingParty: RelyingParty?
        /// `platform`, `cross-platform`, `any` or empty.
        public var authenticatorAttachment: String?
        /// `required`, `preferred`, `discouraged` or empty.
        public var discoverableCredentials: String?
        /// `required`, `preferred`, `discouraged` or empty.
        public var userVerification: String?

        /// The application Passkeys are created for.
        public struct RelyingParty: Codable, Sendable, Equatable {
            /// The application's domain.
            public var id: String?
            /// The application's name.
            public var name: String?
            /// The application's origins.
            public var origins: [String]?
        }
    }
}
