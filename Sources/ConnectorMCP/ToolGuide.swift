/// What a model needs to know about one tool: what it does, when to use it, what it costs, and its
/// effect. Written for a model choosing among tools, not for a person reading a reference.
struct ToolGuide: Sendable {
    /// The tool's description.
    let description: String
    /// What calling it does.
    let effect: ToolEffect

    /// The guide of every tool, by tool name.
    static let byName: [String: ToolGuide] = [
        "send_message": ToolGuide("""
            Sends a real SMS (or MMS when media_url is given) from one of the account's numbers (from_number) or a Messaging \
            Service to a phone number in E.164 form (+14155550100). Costs money and reaches a person: confirm the recipient and \
            text first. Answers the message (sid, status). To read the reply, call wait_for_event with trigger new_sms and \
            filter {"from": <the number you texted>}.
            """, .reachesPeople),
        "make_phone_call": ToolGuide("""
            Places a real phone call to a number in E.164 form from one of the account's numbers: it can speak text (say), run \
            TwiML (twiml), fetch TwiML from a URL (url) or hand the call to an Application. Costs money and rings a person. \
            Answers the call (sid, status); follow it with get_call or wait_for_event trigger call_status.
            """, .reachesPeople),
        "send_bulk_sms": ToolGuide("""
            Sends the same real SMS to many recipients at once (an array, or one string of numbers separated by commas or new \
            lines): recipients are normalised and de-duplicated, sends are paced at the sender's throughput and never repeated. \
            Costs money per recipient and can take minutes for large lists. Answers totals and every recipient's outcome; \
            success is false when any recipient was not sent.
            """, .reachesPeople),
        "send_sms_verification": ToolGuide("""
            Sends a one-time verification code by SMS to a phone number through a Verify Service (service_sid, VA…): a real \
            SMS that costs money. Use it to confirm that a person controls a number, then check the code they give you with \
            check_verification_token.
            """, .reachesPeople),
        "check_verification_token": ToolGuide("""
            Checks the code a person gave you against the verification sent to their number by send_sms_verification. \
            status approved means the code is right; a wrong code uses up one of the limited attempts.
            """, .changes),
        "create_verification_service": ToolGuide("""
            Creates a Verify Service (its name and code length), which send_sms_verification needs as service_sid. Usually \
            done once per application, not per user: reuse an existing service when you have its SID.
            """, .changes),
        "get_message": ToolGuide("""
            Fetches one message by its SID (SM… or MM…): body, sender, recipient, status (queued, sent, delivered, \
            undelivered, failed, received), price and error code. Use it to check whether a text you sent was delivered.
            """, .reads),
        "list_messages": ToolGuide("""
            Lists the account's messages, newest first, optionally only those to or from a number or sent on or between dates; \
            up to limit (default 50), with has_more when there are more. Use it to read a conversation's history; for a reply \
            that has not arrived yet use wait_for_event.
            """, .reads),
        "list_message_media": ToolGuide("""
            Lists the media files (images, audio, …) attached to a message, with their content types and URLs.
            """, .reads),
        "delete_message": ToolGuide("""
            Deletes a message from the account's logs for good (it cannot be undone and does not unsend it). Only when asked \
            to remove a record.
            """, .deletes),
        "get_call": ToolGuide("""
            Fetches one call by its SID (CA…): parties, status (queued, ringing, in-progress, completed, busy, no-answer, \
            failed, canceled), start and end times, duration and price.
            """, .reads),
        "list_calls": ToolGuide("""
            Lists the account's calls, newest first, optionally filtered by number, status, parent call or dates; up to limit \
            (default 50), with has_more when there are more.
            """, .reads),
        "delete_call": ToolGuide("""
            Deletes a call record from the account's logs for good (it cannot be undone and does not hang up a live call). \
            Only when asked to remove a record.
            """, .deletes),
        "download_recording_media": ToolGuide("""
            Gives the download URL of a call recording's audio (recording_sid RE…, format wav or mp3). Nothing is downloaded \
            here: the URL needs the account's credentials.
            """, .reads),
        "phone_number_lookup": ToolGuide("""
            Looks up a phone number: whether it is valid, its E.164 and national formats, country and, by default, its line \
            type (mobile, landline, voip, …) and carrier. Use it to check a number before texting or to learn who a sender is. \
            Lookups beyond basic validation may be billed by Twilio.
            """, .reads),
        "list_transcripts": ToolGuide("""
            Lists Voice Intelligence transcripts of recorded calls, newest first, optionally filtered by service, source, \
            status, language or dates. Use get_transcripts for their text.
            """, .reads),
        "get_transcripts": ToolGuide("""
            Fetches transcripts by SID (GT…), each with all of its sentences and the whole text (transcript_text), to read or \
            summarise what was said on a call.
            """, .reads),
        "list_phone_numbers": ToolGuide("""
            Lists the account's own phone numbers (the numbers it can send from and receive on), optionally filtered by \
            number pattern or friendly name. Use it to pick a from_number.
            """, .reads),
        "list_events": ToolGuide("""
            Lists events the connector received from Twilio for a trigger: new_sms (texts received), new_whatsapp_message, \
            inbound_call, message_status, call_status, new_recording, new_transcript. Without after, the latest events; \
            with after (a cursor), the events after it, oldest first. filter narrows them (for new_sms: from, to, \
            body_contains). Answers next_cursor: pass it as after to continue, or to wait_for_event to wait for newer ones.
            """, .reads),
        "wait_for_event": ToolGuide("""
            Waits until the connector receives a new event of a trigger that matches the filter, then answers it; or answers \
            timed_out true after timeout_seconds (default 60, at most 300). Use it after send_message to wait for the person's \
            reply: trigger new_sms, filter {"from": <their number>}; the reply's text is event.data.body. Only events \
            arriving after the call starts count, unless after (a cursor) says where to start. To wait again for the next \
            one, pass the answer's next_cursor as after.
            """, .waits),
    ]

    private init(_ description: String, _ effect: ToolEffect) {
        self.description = description
        self.effect = effect
    }

    /// The guide of a tool the table does not know (an action added to the toolkit later): its
    /// summary, and the most cautious effect so that `--read-only` leaves it out.
    static func fallback(summary: String) -> ToolGuide {
        ToolGuide(summary, .changes)
    }
}
