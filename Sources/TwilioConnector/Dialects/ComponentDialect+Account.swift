import TwilioKit

extension ComponentDialect {
    static let accountActions: [DialectAction] = [
        action(PhoneNumberActions.listPhoneNumbers, outputSchema: listSchema("phoneNumbers", item: phoneNumberSchema),
               example: ["PhoneNumber": "+1415*", "limit": 20]) { result in
            ModelRendering.list(result, key: "phoneNumbers") { ComponentRendering.render($0, phoneNumberFields: []) }
        },
        action(CustomActions.customRequest, outputSchema: objectSchema(["status": integerSchema, "body": ["description": "The answer's JSON."]]),
               example: ["Method": "GET", "Domain": "api", "Path": "/2010-04-01/Accounts/{AccountSid}/Calls.json", "Parameters": ["Status": "completed"]]) { response in
            ["status": .number(Double(response.status)), "body": response.body]
        },
    ]

    static let phoneNumberSchema = objectSchema([
        "sid": stringSchema, "phoneNumber": stringSchema, "friendlyName": stringSchema, "accountSid": stringSchema,
        "capabilities": anyObjectSchema, "smsUrl": stringSchema, "voiceUrl": stringSchema, "status": stringSchema,
        "dateCreated": dateTimeSchema, "dateUpdated": dateTimeSchema, "uri": stringSchema,
    ])
}
