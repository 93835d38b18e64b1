import Foundation

/// Every parameter of CreateVerification (`POST /v2/Services/{ServiceSid}/Verifications`).
public struct VerificationCreateParameters: Sendable, Equatable {
    /// The phone number (E.164) or email address to verify.
    public var to: String
    /// How the code is sent.
    public var channel: Channel
    /// A name that replaces the service's friendly name in the message.
    public var customFriendlyName: String?
    /// The text of a custom message (deprecated by Twilio).
    public var customMessage: String?
    /// Digits to send after a call is answered (an extension).
    public var sendDigits: String?
    /// The message's language (`es`, `pt-BR`), instead of the one resolved from the number.
    public var locale: String?
    /// A pre-generated code, 4…10 characters (needs a service with custom codes).
    public var customCode: String?
    /// The PSD2 transaction amount.
    public var amount: String?
    /// The PSD2 transaction payee.
    public var payee: String?
    /// Programmable Rate Limits: each rate limit's unique name and the value limited on (sent as JSON).
    public var rateLimits: [String: String]?
    /// The email channel's configuration (`from`, `from_name`, `template_id`, `substitutions`; sent as JSON).
    public var channelConfiguration: [String: JSONValue]?
    /// An Android app hash appended to the SMS body (SMS Retriever API).
    public var appHash: String?
    /// A message template (`HJ…`) overriding the service's default.
    public var templateSid: String?
    /// Values for the template's variables (sent as a JSON object).
    public var templateCustomSubstitutions: [String: String]?
    /// The IP address of the user's device (strongly encouraged with ``Channel/auto``).
    public var deviceIP: String?
    /// Whether the SNA URL's answer carries a client token to pass to the check.
    public var enableSnaClientToken: Bool?
    /// Whether SMS pumping protection checks this verification.
    public var riskCheck: RiskCheck?
    /// Up to 10 tags recorded as metadata (sent as a JSON object; no PII).
    public var tags: [String: String]?

    /// Creates parameters for a verification of `to` over `channel`.
    public init(
        to: String, channel: Channel, customFriendlyName: String? = nil, customMessage: String? = nil,
        sendDigits: String? = nil, locale: String? = nil, customCode: String? = nil, amount: String? = nil,
        payee: String? = nil, rateLimits: [String: String]? = nil, channelConfiguration: [String: JSONValue]? = nil,
        appHash: String? = nil, templateSid: String? = nil, templateCustomSubstitutions: [String: String]? = nil,
        deviceIP: String? = nil, enableSnaClientToken: Bool? = nil, riskCheck: RiskCheck? = nil,
        tags: [String: String]? = nil
    ) {
        self.to = to
        self.channel = channel
        self.customFriendlyName = customFriendlyName
        self.customMessage = customMessage
        self.sendDigits = sendDigits
        self.locale = locale
        self.customCode = customCode
        self.amount = amount
        self.payee = payee
        self.rateLimits = rateLimits
        self.channelConfiguration = channelConfiguration
        self.appHash = appHash
        self.templateSid = templateSid
        self.templateCustomSubstitutions = templateCustomSubstitutions
        self.deviceIP = deviceIP
        self.enableSnaClientToken = enableSnaClientToken
        self.riskCheck = riskCheck
        self.tags = tags
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("To", to)
        form.add("Channel", channel)
        form.add("CustomFriendlyName", customFriendlyName)
        form.add("CustomMessage", customMessage)
        form.add("SendDigits", sendDigits)
        form.add("Locale", locale)
        form.add("CustomCode", customCode)
        form.add("Amount", amount)
        form.add("Payee", payee)
        form.add("RateLimits", Self.json(rateLimits))
        form.add("ChannelConfiguration", Self.json(channelConfiguration))
        form.add("AppHash", appHash)
        form.add("TemplateSid", templateSid)
        form.add("TemplateCustomSubstitutions", Self.json(templateCustomSubstitutions))
        form.add("DeviceIp", deviceIP)
        form.add("EnableSnaClientToken", enableSnaClientToken)
        form.add("RiskCheck", riskCheck)
        form.add("Tags", Self.json(tags))
        return form
    }

    /// `value` as compact JSON with sorted keys, as the SDKs serialize object parameters.
    private static func json(_ value: (some Encodable)?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// How a verification code is sent.
    public enum Channel: String, Sendable, CaseIterable {
        case sms, call, email, whatsapp
        /// Silent network auth: the device proves the number over its mobile data connection.
        case sna
        /// SNA when possible, SMS otherwise.
        case auto
    }

    /// Whether SMS pumping protection checks a verification.
    public enum RiskCheck: String, Sendable, CaseIterable { case enable, disable }
}
