import TwilioKit

/// The messaging triggers: inbound SMS/MMS, inbound WhatsApp, message status callbacks.
enum MessagingTriggers {
    /// What an inbound message trigger takes: its answer and its filters.
    static let inboundParameters: [ParameterSpec] = [
        .init("Reply", .string(.maxLength(1600)), "Text answered to the sender (a TwiML <Message>); none answers nothing."),
        .init("To", .string(.address), "Only messages to this number or address."),
        .init("From", .string(.address), "Only messages from this number or address."),
        .init("BodyContains", .string(.nonEmpty), "Only messages whose body contains this text (case-insensitive)."),
    ]

    static let inboundFilters: [String: TriggerFilterRule] = ["To": .address("to"), "From": .address("from"), "BodyContains": .contains("body")]

    /// The fields every inbound message has.
    static let messageFields: [OutputField] = [
        .init("messageSid", from: "MessageSid", "The message SID (SM… or MM…)."),
        .init("accountSid", from: "AccountSid", "The account that received it."),
        .init("messagingServiceSid", from: "MessagingServiceSid", "The Messaging Service of the number, if any."),
        .init("from", from: "From", "The sender."),
        .init("to", from: "To", "The number (or address) that received it."),
        .init("body", from: "Body", "The text."),
        .init("numMedia", .integer, from: "NumMedia", "How many media files are attached."),
        .init("media", .objects(title: "Media", fields: [
            .init("url", from: "url", "The media file's URL."),
            .init("contentType", from: "contentType", "Its MIME type."),
        ]), from: WebhookParameters.mediaKey, "The attached media files."),
    ]

    static let newSms = TriggerDefinition(
        name: "newSms", toolkitName: "new_sms", title: "New SMS",
        summary: "Fires when one of the account's numbers receives an SMS or MMS.",
        parameters: inboundParameters, filters: inboundFilters, kind: .inboundMessage,
        fields: messageFields + [
            .init("fromCity", from: "FromCity", "The sender's city, when Twilio knows it."),
            .init("fromState", from: "FromState", "The sender's state or province."),
            .init("fromZip", from: "FromZip", "The sender's postal code."),
            .init("fromCountry", from: "FromCountry", "The sender's country (ISO 3166-1 alpha-2)."),
        ],
        identity: ["MessageSid"],
        example: [
            "messageSid": "SM00000000000000000000000000000000", "accountSid": "AC00000000000000000000000000000000",
            "messagingServiceSid": .null, "from": "+14155550123", "to": "+15005550006", "body": "Hello", "numMedia": 0, "media": [],
            "fromCity": "SAN FRANCISCO", "fromState": "CA", "fromZip": "94103", "fromCountry": "US",
        ])

    static let newWhatsappMessage = TriggerDefinition(
        name: "newWhatsappMessage", toolkitName: "new_whatsapp_message", title: "New WhatsApp Message",
        summary: "Fires when a new WhatsApp message is received.",
        parameters: inboundParameters, filters: inboundFilters, kind: .inboundMessage,
        fields: messageFields + [
            .init("profileName", from: "ProfileName", "The sender's WhatsApp profile name."),
            .init("waId", from: "WaId", "The sender's WhatsApp ID (their number without +)."),
            .init("buttonText", from: "ButtonText", "The text of the quick-reply button tapped."),
            .init("buttonPayload", from: "ButtonPayload", "The payload (id) of the quick-reply button tapped."),
            .init("latitude", .number, from: "Latitude", "The latitude of a shared location."),
            .init("longitude", .number, from: "Longitude", "The longitude of a shared location."),
            .init("address", from: "Address", "The address of a shared location."),
            .init("label", from: "Label", "The label of a shared location."),
            .init("originalRepliedMessageSid", from: "OriginalRepliedMessageSid", "The message this one replies to (a quick-reply tap replies to the template)."),
            .init("originalRepliedMessageSender", from: "OriginalRepliedMessageSender", "Who sent the message this one replies to."),
            .init("forwarded", .boolean, from: "Forwarded", "Whether the message was forwarded."),
            .init("frequentlyForwarded", .boolean, from: "FrequentlyForwarded", "Whether the message has been forwarded many times."),
        ],
        identity: ["MessageSid"],
        example: [
            "messageSid": "SM00000000000000000000000000000000", "accountSid": "AC00000000000000000000000000000000",
            "messagingServiceSid": .null, "from": "whatsapp:+14155550123", "to": "whatsapp:+15005550006", "body": "Yes please",
            "numMedia": 0, "media": [], "profileName": "Ada", "waId": "14155550123", "buttonText": "Yes please",
            "buttonPayload": "confirm", "latitude": .null, "longitude": .null, "address": .null, "label": .null,
            "originalRepliedMessageSid": "SM11111111111111111111111111111111", "originalRepliedMessageSender": "whatsapp:+15005550006",
            "forwarded": false, "frequentlyForwarded": false,
        ])

    static let messageStatus = TriggerDefinition(
        name: "messageStatus", toolkitName: "message_status", title: "Message Status",
        summary: "Fires on each status callback of a message: sent, delivered, undelivered, failed, read.",
        parameters: [
            .init("MessageSid", .string(.nonEmpty), "Only the callbacks of this message."),
            .init("Status", .choice(MessageStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)), "Only callbacks reporting this status."),
        ],
        filters: ["MessageSid": .equals("messageSid"), "Status": .equals("messageStatus")],
        kind: .statusCallback,
        fields: [
            .init("messageSid", from: "MessageSid", "The message SID."),
            .init("messageStatus", from: "MessageStatus", "The status reported."),
            .init("errorCode", .integer, from: "ErrorCode", "Twilio's error code when it failed."),
            .init("errorMessage", from: "ErrorMessage", "What the error code means."),
            .init("to", from: "To", "The recipient."),
            .init("from", from: "From", "The sender."),
            .init("accountSid", from: "AccountSid", "The account."),
            .init("messagingServiceSid", from: "MessagingServiceSid", "The Messaging Service, if any."),
            .init("channelPrefix", from: "ChannelPrefix", "The channel (sms, whatsapp, …) for non-SMS messages."),
            .init("channelInstallSid", from: "ChannelInstallSid", "The channel installation, for non-SMS messages."),
            .init("channelStatusMessage", from: "ChannelStatusMessage", "The channel's own status text."),
            .init("channelToAddress", from: "ChannelToAddress", "The recipient as the channel knows it."),
        ],
        identity: ["MessageSid", "MessageStatus"],
        example: [
            "messageSid": "SM00000000000000000000000000000000", "messageStatus": "delivered", "errorCode": .null, "errorMessage": .null,
            "to": "+14155550123", "from": "+15005550006", "accountSid": "AC00000000000000000000000000000000",
            "messagingServiceSid": .null, "channelPrefix": .null, "channelInstallSid": .null, "channelStatusMessage": .null,
            "channelToAddress": .null,
        ])
}
