import TwilioKit

extension ComponentDialect {
    static let accountActions: [DialectAction] = [
        action(PhoneNumberActions.listPhoneNumbers, outputSchema: listSchema("phoneNumbers", item: phoneNumberSchema),
               example: ["PhoneNumber": "+1415*", "limit": 20]) { outcome in
            guard case .phoneNumbers(let result) = outcome else { return [:] }
            return ModelRendering.list(result, key: "phoneNumbers") { ComponentRendering.render($0, phoneNumberFields: []) }
        },
        action(CustomActions.customRequest, outputSchema: objectSchema(["status": integerSchema, "body": ["description": "The answer's JSON."]]),
               example: ["Method": "GET", "Domain": "api", "Path": "/2010-04-01/Accounts/{AccountSid}/Calls.json", "Parameters": ["Status": "completed"]]) { outcome in
            guard case .raw(let status, let body) = outcome else { return [:] }
            return ["status": .number(Double(status)), "body": body]
        },
    ]

    static let phoneNumberSchema = objectSchema([
        "sid": stringSchema, "phoneNumber": stringSchema, "friendlyName": stringSchema, "accountSid": stringSchema,
        "capabilities": anyObjectSchema, "smsUrl": stringSchema, "voiceUrl": stringSchema, "status": stringSchema,
        "dateCreated": dateTimeSchema, "dateUpdated": dateTimeSchema, "uri": stringSchema,
    ])
}
