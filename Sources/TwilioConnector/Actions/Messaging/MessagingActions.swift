import Foundation
import TwilioKit

/// Messaging actions: send (SMS, MMS, WhatsApp), fetch, list, delete, media.
enum MessagingActions {
    /// Every CreateMessage parameter, Twilio-cased.
    static let sendParameters: [ParameterSpec] = [
        .init("To", .string(.address), required: true, "The recipient: an E.164 number (+14155550100) or a channel address (whatsapp:+14155550100)."),
        .init("From", .string(.address), "The sender: a Twilio number, short code, alphanumeric sender ID or channel address. Optional with MessagingServiceSid."),
        .init("MessagingServiceSid", .string(.sid("MG")), "A Messaging Service (MG…) that picks the sender; needed to schedule."),
        .init("Body", .string(.maxLength(1600)), "The text, up to 1600 characters."),
        .init("MediaUrl", .stringList(maxCount: 10, item: .url), "Up to 10 public URLs of media to attach (MMS, WhatsApp)."),
        .init("ContentSid", .string(.sid("HX")), "A Content template (HX…) to send instead of a body."),
        .init("ContentVariables", .object, "The template's variables, e.g. {\"1\": \"Ana\"}."),
        .init("StatusCallback", .string(.url), "Where Twilio posts status changes."),
        .init("ApplicationSid", .string(.sid("AP")), "A TwiML App whose message status callback URL is used."),
        .init("MaxPrice", .number(0...1000), "The most to pay for the message, in USD."),
        .init("ProvideFeedback", .boolean, "Whether delivery feedback will be provided."),
        .init("Attempt", .integer(1...100), "How many attempts, this one included, were made to send the message."),
        .init("ValidityPeriod", .integer(1...36000), "Seconds the message may wait in the queue."),
        .init("ForceDelivery", .boolean, "Reserved by Twilio."),
        .init("ContentRetention", .choice(["retain", "discard"]), "Whether the content is kept."),
        .init("AddressRetention", .choice(["retain", "obfuscate"]), "Whether the addresses are kept or obfuscated."),
        .init("SmartEncoded", .boolean, "Replace Unicode look-alikes with GSM-7 characters."),
        .init("PersistentAction", .stringList(maxCount: nil, item: .nonEmpty), "Rich actions (geo:, mailto:, …) for channels that support them."),
        .init("ShortenUrls", .boolean, "Shorten links in the body (Messaging Services with link shortening)."),
        .init("ScheduleType", .choice(["fixed"]), "`fixed` schedules the message at SendAt."),
        .init("SendAt", .dateTime, "When a scheduled message is sent (15 minutes to 35 days ahead)."),
        .init("SendAsMms", .boolean, "Send as MMS even without media."),
        .init("RiskCheck", .choice(["enable", "disable"]), "SMS pumping protection."),
    ]

    static let sendRules: [CrossRule] = [
        .atLeastOne(["From", "MessagingServiceSid"]),
        .atLeastOne(["Body", "MediaUrl", "ContentSid"]),
        .requires("ScheduleType", ["SendAt", "MessagingServiceSid"]),
        .requires("SendAt", ["ScheduleType"]),
        .requires("ContentVariables", ["ContentSid"]),
    ]

    /// TwilioKit's parameters from validated input.
    static func createParameters(_ input: ActionInput) -> MessageCreateParameters {
        MessageCreateParameters(
            to: input.string("To") ?? "", from: input.string("From"), messagingServiceSid: input.string("MessagingServiceSid"),
            body: input.string("Body"), mediaURLs: input.strings("MediaUrl"), contentSid: input.string("ContentSid"),
            contentVariables: input.jsonText("ContentVariables"), statusCallback: input.string("StatusCallback"),
            applicationSid: input.string("ApplicationSid"), maxPrice: input.double("MaxPrice").map { Decimal($0) },
            provideFeedback: input.bool("ProvideFeedback"), attempt: input.int("Attempt"),
            validityPeriod: input.int("ValidityPeriod"), forceDelivery: input.bool("ForceDelivery"),
            contentRetention: input.string("ContentRetention").flatMap(MessageCreateParameters.ContentRetention.init(rawValue:)),
            addressRetention: input.string("AddressRetention").flatMap(MessageCreateParameters.AddressRetention.init(rawValue:)),
            smartEncoded: input.bool("SmartEncoded"), persistentAction: input.strings("PersistentAction"),
            shortenURLs: input.bool("ShortenUrls"),
            scheduleType: input.string("ScheduleType").flatMap(MessageCreateParameters.ScheduleType.init(rawValue:)),
            sendAt: input.date("SendAt"), sendAsMMS: input.bool("SendAsMms"),
            riskCheck: input.string("RiskCheck").flatMap(MessageCreateParameters.RiskCheck.init(rawValue:)))
    }

    static let sendSMS = CoreAction(
        "sendSMS", title: "Send SMS", summary: "Send an SMS (or, with media, an MMS) message.",
        parameters: sendParameters, rules: sendRules
    ) { input, context throws(ActionFailure) in
        .message(try await twilio { () async throws(TwilioError) in try await context.client.messages.create(createParameters(input)) })
    }

    static let getMessage = CoreAction(
        "getMessage", title: "Get Message", summary: "Fetch one message by its SID.",
        parameters: [.init("Sid", .string(.nonEmpty), required: true, "The message SID (SM… or MM…).")]
    ) { input, context throws(ActionFailure) in
        .message(try await twilio { () async throws(TwilioError) in try await context.client.messages.fetch(input.string("Sid") ?? "") })
    }

    static let deleteMessage = CoreAction(
        "deleteMessage", title: "Delete Message", summary: "Delete a message from the account's logs.",
        parameters: [.init("Sid", .string(.nonEmpty), required: true, "The message SID (SM… or MM…).")]
    ) { input, context throws(ActionFailure) in
        let sid = input.string("Sid") ?? ""
        try await twilio { () async throws(TwilioError) in try await context.client.messages.delete(sid) }
        return .deleted(sid: sid)
    }

    static let listParameters: [ParameterSpec] = [
        .init("To", .string(.address), "Only messages to this number or address."),
        .init("From", .string(.address), "Only messages from this number or address."),
        .init("DateSent", .dateTime, "Only messages sent on this day (UTC)."),
        .init("DateSentBefore", .dateTime, "Only messages sent on or before this day."),
        .init("DateSentAfter", .dateTime, "Only messages sent on or after this day."),
        .init("limit", .integer(1...10_000), default: 50, "The most messages to return (default 50)."),
    ]

    static let listMessages = CoreAction(
        "listMessages", title: "List Messages", summary: "List messages, newest first, optionally filtered by sender, recipient or date.",
        parameters: listParameters, rules: [.atMostOne(["DateSent", "DateSentBefore", "DateSentAfter"])]
    ) { input, context throws(ActionFailure) in
        let dateSent: DateFilter? = if let date = input.date("DateSent") { .on(date) }
            else if let date = input.date("DateSentBefore") { .before(date) }
            else if let date = input.date("DateSentAfter") { .after(date) }
            else { nil }
        let filter = MessageListFilter(to: input.string("To"), from: input.string("From"), dateSent: dateSent)
        return .messages(try await collect({ context.client.messages.list(filter, limit: $0) }, limit: input.int("limit") ?? context.defaultListLimit))
    }

    static let listMessageMedia = CoreAction(
        "listMessageMedia", title: "List Message Media", summary: "List the media files of a message.",
        parameters: [
            .init("MessageSid", .string(.nonEmpty), required: true, "The message SID (MM…)."),
            .init("limit", .integer(1...10_000), default: 50, "The most media items to return (default 50)."),
        ]
    ) { input, context throws(ActionFailure) in
        let sid = input.string("MessageSid") ?? ""
        return .messageMedia(try await collect({ context.client.messages.listMedia(sid, limit: $0) }, limit: input.int("limit") ?? context.defaultListLimit))
    }
}
