import Foundation
import TwilioKit

/// Messaging actions: send (SMS, MMS, WhatsApp), fetch, list, delete, media.
enum MessagingActions {
    typealias Create = MessageCreateParameters

    /// Every CreateMessage parameter, Twilio-cased, bound to TwilioKit's field.
    static let sendParameters: [RequestParameter<Create>] = [
        .required("To", \.to, .recipient, "The recipient: an E.164 number (+14155550100) or a channel address (whatsapp:+14155550100)."),
        .string("From", \.from, .address, "The sender: a Twilio number, short code, alphanumeric sender ID or channel address. Optional with MessagingServiceSid."),
        .string("MessagingServiceSid", \.messagingServiceSid, .sid("MG"), "A Messaging Service (MG…) that picks the sender; needed to schedule."),
        .string("Body", \.body, .maxLength(1600), "The text, up to 1600 characters."),
        .list("MediaUrl", \.mediaURLs, maxCount: 10, item: .url, "Up to 10 public URLs of media to attach (MMS, WhatsApp)."),
        .string("ContentSid", \.contentSid, .sid("HX"), "A Content template (HX…) to send instead of a body."),
        .objectText("ContentVariables", \.contentVariables, "The template's variables, e.g. {\"1\": \"Ana\"}."),
        .string("StatusCallback", \.statusCallback, .url, "Where Twilio posts status changes."),
        .string("ApplicationSid", \.applicationSid, .sid("AP"), "A TwiML App whose message status callback URL is used."),
        .decimal("MaxPrice", \.maxPrice, 0...1000, "The most to pay for the message, in USD."),
        .boolean("ProvideFeedback", \.provideFeedback, "Whether delivery feedback will be provided."),
        .integer("Attempt", \.attempt, 1...100, "How many attempts, this one included, were made to send the message."),
        .integer("ValidityPeriod", \.validityPeriod, 1...36000, "Seconds the message may wait in the queue."),
        .boolean("ForceDelivery", \.forceDelivery, "Reserved by Twilio."),
        .choice("ContentRetention", \.contentRetention, "Whether the content is kept."),
        .choice("AddressRetention", \.addressRetention, "Whether the addresses are kept or obfuscated."),
        .boolean("SmartEncoded", \.smartEncoded, "Replace Unicode look-alikes with GSM-7 characters."),
        .list("PersistentAction", \.persistentAction, maxCount: nil, item: .nonEmpty, "Rich actions (geo:, mailto:, …) for channels that support them."),
        .boolean("ShortenUrls", \.shortenURLs, "Shorten links in the body (Messaging Services with link shortening)."),
        .choice("ScheduleType", \.scheduleType, "`fixed` schedules the message at SendAt."),
        .dateTime("SendAt", \.sendAt, "When a scheduled message is sent (15 minutes to 35 days ahead)."),
        .boolean("SendAsMms", \.sendAsMMS, "Send as MMS even without media."),
        .choice("RiskCheck", \.riskCheck, "SMS pumping protection."),
    ]

    static let sendRules: [CrossRule] = [
        .atLeastOne(["From", "MessagingServiceSid"]),
        .atLeastOne(["Body", "MediaUrl", "ContentSid"]),
        .requires("ScheduleType", ["SendAt", "MessagingServiceSid"]),
        .requires("SendAt", ["ScheduleType"]),
        .requires("ContentVariables", ["ContentSid"]),
    ]

    /// Whether the message reports to the connector's `messageStatus` trigger.
    static let trackStatus = ParameterSpec(
        "TrackStatus", .boolean, default: true,
        "Report the message's status changes to the connector's messageStatus trigger (when the connector has a public URL); false turns it off.")

    /// `parameters` reporting to the connector's `messageStatus` trigger when it has no status callback of its own.
    static func tracked(_ parameters: Create, _ input: ActionInput, _ context: ActionContext) -> Create {
        var parameters = parameters
        if parameters.statusCallback == nil { parameters.statusCallback = context.statusCallback(to: "messageStatus", input) }
        return parameters
    }

    /// A request every given parameter is written into; `To` is required, so validation
    /// guarantees the empty recipient never leaves.
    static let blankMessage = Create(to: "")

    /// Seed 004's selects of sendSMS: which kind of sender, which kind of content.
    static let selects = [
        ParameterSelect("Source", "The kind of sender", options: [["From"], ["MessagingServiceSid"]]),
        ParameterSelect("Content", "The kind of content", options: [["Body"], ["MediaUrl"], ["ContentSid"]]),
    ]

    static let sendSMS = CoreAction(
        "sendSMS", title: "Send SMS", summary: "Send an SMS (or, with media, an MMS) message.",
        parameters: sendParameters.specs() + [trackStatus] + selects.map(\.spec), rules: sendRules + selects.map(\.rule)
    ) { input, context throws(ActionFailure) in
        let parameters = tracked(sendParameters.request(input, from: blankMessage), input, context)
        return try await twilio { () async throws(TwilioError) in try await context.client.messages.create(parameters) }
    }

    static let getMessage = CoreAction(
        "getMessage", title: "Get Message", summary: "Fetch one message by its SID.",
        parameters: [.init("Sid", .string(.nonEmpty), required: true, "The message SID (SM… or MM…).")]
    ) { input, context throws(ActionFailure) in
        let sid = try input.required("Sid")
        return try await twilio { () async throws(TwilioError) in try await context.client.messages.fetch(sid) }
    }

    static let deleteMessage = CoreAction(
        "deleteMessage", title: "Delete Message", summary: "Delete a message from the account's logs.",
        parameters: [.init("Sid", .string(.nonEmpty), required: true, "The message SID (SM… or MM…).")]
    ) { input, context throws(ActionFailure) in
        let sid = try input.required("Sid")
        try await twilio { () async throws(TwilioError) in try await context.client.messages.delete(sid) }
        return DeletedResource(sid: sid)
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
        return try await collect({ context.client.messages.list(filter, limit: $0) }, limit: input.int("limit") ?? context.defaultListLimit)
    }

    static let listMessageMedia = CoreAction(
        "listMessageMedia", title: "List Message Media", summary: "List the media files of a message.",
        parameters: [
            .init("MessageSid", .string(.nonEmpty), required: true, "The message SID (MM…)."),
            .init("limit", .integer(1...10_000), default: 50, "The most media items to return (default 50)."),
        ]
    ) { input, context throws(ActionFailure) in
        let sid = try input.required("MessageSid")
        return try await collect({ context.client.messages.listMedia(sid, limit: $0) }, limit: input.int("limit") ?? context.defaultListLimit)
    }
}
