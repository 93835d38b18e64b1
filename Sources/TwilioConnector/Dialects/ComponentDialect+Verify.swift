import TwilioKit

extension ComponentDialect {
    static let lookupAndVerifyActions: [DialectAction] = [
        action(LookupActions.lookupPhoneNumber, outputSchema: lookupSchema,
               example: ["PhoneNumber": "+14155559999", "Fields": ["line_type_intelligence"]]) { ComponentRendering.render($0, phoneNumberFields: []) },
        action(VerifyActions.sendVerification, outputSchema: verificationSchema,
               example: ["ServiceSid": "VA00000000000000000000000000000000", "To": "+14155559999", "Channel": "sms"]) { ComponentRendering.render($0, phoneNumberFields: []) },
        action(VerifyActions.checkVerification, outputSchema: verificationSchema,
               example: ["ServiceSid": "VA00000000000000000000000000000000", "To": "+14155559999", "Code": "123456"]) { ComponentRendering.render($0, phoneNumberFields: []) },
        action(VerifyActions.createVerificationService, outputSchema: verifyServiceSchema,
               example: ["FriendlyName": "Acme login", "CodeLength": 6]) { ComponentRendering.render($0, phoneNumberFields: []) },
    ]

    static let lookupSchema = objectSchema([
        "phoneNumber": stringSchema, "nationalFormat": stringSchema, "countryCode": stringSchema, "callingCountryCode": stringSchema,
        "valid": booleanSchema, "validationErrors": arraySchema(stringSchema), "callerName": anyObjectSchema,
        "lineTypeIntelligence": anyObjectSchema, "simSwap": anyObjectSchema, "callForwarding": anyObjectSchema,
        "lineStatus": anyObjectSchema, "identityMatch": anyObjectSchema, "reassignedNumber": anyObjectSchema,
        "smsPumpingRisk": anyObjectSchema, "phoneNumberQualityScore": anyObjectSchema, "preFill": anyObjectSchema, "url": stringSchema,
    ])

    /// A verification, or the check of one (which lacks `sendCodeAttempts`, `lookup` and `url`).
    static let verificationSchema = objectSchema([
        "sid": stringSchema, "serviceSid": stringSchema, "accountSid": stringSchema, "to": stringSchema, "channel": stringSchema,
        "status": stringSchema, "valid": booleanSchema, "sendCodeAttempts": arraySchema(), "lookup": anyObjectSchema,
        "dateCreated": dateTimeSchema, "dateUpdated": dateTimeSchema, "url": stringSchema,
    ])

    static let verifyServiceSchema = objectSchema([
        "sid": stringSchema, "accountSid": stringSchema, "friendlyName": stringSchema, "codeLength": integerSchema,
        "lookupEnabled": booleanSchema, "skipSmsToLandlines": booleanSchema, "dtmfInputRequired": booleanSchema,
        "doNotShareWarningEnabled": booleanSchema, "customCodeEnabled": booleanSchema,
        "dateCreated": dateTimeSchema, "dateUpdated": dateTimeSchema, "url": stringSchema, "links": anyObjectSchema,
    ])
}
