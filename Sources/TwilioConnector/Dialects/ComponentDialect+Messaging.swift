import TwilioKit

extension ComponentDialect {
    static let messagingActions: [DialectAction] = [
        messageAction(MessagingActions.sendSMS, example: ["To": "+14155559999", "From": "+15005550006", "Body": "Hello from a workflow"]),
        messageAction(MessagingActions.sendMMS, example: [
            "To": "+14155559999", "From": "+15005550006", "Body": "Here is the map", "MediaUrl": ["https://demo.twilio.com/owl.png"],
        ]),
        messageAction(MessagingActions.sendWhatsAppMessage, example: [
            "To": "+14155559999", "From": "+15005550006", "useTemplate": true,
            "ContentSid": "HX00000000000000000000000000000000", "ContentVariables": ["1": "Ana"],
        ]),
        messageAction(MessagingActions.getMessage, example: ["Sid": "SM00000000000000000000000000000000"]),
        action(MessagingActions.listMessages, outputSchema: listSchema("messages", item: messageSchema),
               example: ["To": "+14155559999", "limit": 20]) { result in
            ModelRendering.list(result, key: "messages") { ComponentRendering.render($0) }
        },
        action(MessagingActions.deleteMessage, outputSchema: deletedSchema, example: ["Sid": "SM00000000000000000000000000000000"],
               render: renderDeleted),
        action(MessagingActions.listMessageMedia, outputSchema: listSchema("media"), example: ["MessageSid": "MM00000000000000000000000000000000"]) { result in
            ModelRendering.list(result, key: "media") { ComponentRendering.render($0, phoneNumberFields: []) }
        },
    ]

    private static func messageAction(_ core: CoreAction<Message>, example: JSONValue) -> DialectAction {
        action(core, outputSchema: messageSchema, example: example) { ComponentRendering.render($0) }
    }

    /// The Message output of seeds 002–004.
    static let messageSchema = objectSchema([
        "body": stringSchema, "numSegments": stringSchema, "direction": stringSchema,
        "from": objectSchema(["rawNumber": stringSchema]), "to": stringSchema,
        "dateUpdated": dateTimeSchema, "price": stringSchema, "errorMessage": stringSchema, "uri": stringSchema,
        "accountSid": stringSchema, "numMedia": stringSchema, "status": stringSchema,
        "messagingServiceSid": stringSchema, "sid": stringSchema, "dateSent": dateTimeSchema,
        "dateCreated": dateTimeSchema, "errorCode": integerSchema, "currency": currencySchema,
        "apiVersion": stringSchema, "subresourceUris": anyObjectSchema,
    ])
}
