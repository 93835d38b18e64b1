/// Every parameter of CreateVerificationCheck (`POST /v2/Services/{ServiceSid}/VerificationCheck`).
///
/// Identify the verification by ``to`` or ``verificationSid``.
public struct VerificationCheckParameters: Sendable, Equatable {
    /// The code the user entered, 4…10 characters.
    public var code: String?
    /// The phone number (E.164) or email address being verified.
    public var to: String?
    /// The verification (`VE…`).
    public var verificationSid: String?
    /// The PSD2 transaction amount.
    public var amount: String?
    /// The PSD2 transaction payee.
    public var payee: String?
    /// The client token from the SNA URL's answer, when the verification asked for one.
    public var snaClientToken: String?

    /// Creates parameters.
    public init(code: String? = nil, to: String? = nil, verificationSid: String? = nil, amount: String? = nil,
                payee: String? = nil, snaClientToken: String? = nil) {
        self.code = code
        self.to = to
        self.verificationSid = verificationSid
        self.amount = amount
        self.payee = payee
        self.snaClientToken = snaClientToken
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("Code", code)
        form.add("To", to)
        form.add("VerificationSid", verificationSid)
        form.add("Amount", amount)
        form.add("Payee", payee)
        form.add("SnaClientToken", snaClientToken)
        return form
    }
}
