import TwilioKit

/// The voice triggers: inbound calls, call status callbacks, finished recordings.
enum VoiceTriggers {
    static let inboundCall = TriggerDefinition(
        name: "inboundCall", toolkitName: "inbound_call", title: "Inbound Voice Call",
        summary: "Fires when an inbound voice call is received, and answers it with TwiML that streams the call to a real-time workflow.",
        parameters: [
            .init("subWorkflow", .string(.nonEmpty), required: true,
                  "The real-time workflow that handles the call's audio (a name from the workflows file, or echo, play, record, menu, bridge)."),
            .init("To", .string(.address), "Only calls to this number."),
            .init("From", .string(.address), "Only calls from this number."),
        ],
        filters: ["To": .address("to"), "From": .address("from")],
        kind: .inboundCall,
        fields: [
            .init("callSid", from: "CallSid", "Unique identifier for the call"),
            .init("from", from: "From", "Caller phone number"),
            .init("to", from: "To", "Called phone number"),
            .init("direction", from: "Direction", "Call direction (inbound/outbound)"),
            .init("accountSid", from: "AccountSid", "Twilio account SID"),
            .init("callStatus", from: "CallStatus", "Call status"),
            .init("callerName", from: "CallerName", "The caller's name (CNAM), when looked up."),
            .init("forwardedFrom", from: "ForwardedFrom", "The number that forwarded the call, if any."),
        ],
        identity: ["CallSid"],
        example: [
            "callSid": "CA00000000000000000000000000000000", "from": "+14155550123", "to": "+15005550006", "direction": "inbound",
            "accountSid": "AC00000000000000000000000000000000", "callStatus": "ringing", "callerName": .null, "forwardedFrom": .null,
        ])

    static let callStatus = TriggerDefinition(
        name: "callStatus", toolkitName: "call_status", title: "Call Status",
        summary: "Fires on each status callback of a call: initiated, ringing, answered (in-progress), completed, busy, no-answer, failed.",
        parameters: [
            .init("CallSid", .string(.sid("CA")), "Only the callbacks of this call."),
            .init("Status", .choice(CallStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)), "Only callbacks reporting this status."),
        ],
        filters: ["CallSid": .equals("callSid"), "Status": .equals("callStatus")],
        kind: .statusCallback,
        fields: [
            .init("callSid", from: "CallSid", "The call SID."),
            .init("callStatus", from: "CallStatus", "The status reported."),
            .init("callDuration", .integer, from: "CallDuration", "The call's length in seconds, once it ended."),
            .init("direction", from: "Direction", "inbound, outbound-api or outbound-dial."),
            .init("answeredBy", from: "AnsweredBy", "human, machine_start, fax, … with machine detection."),
            .init("sipResponseCode", .integer, from: "SipResponseCode", "The SIP response code of the call's end."),
            .init("from", from: "From", "The caller."),
            .init("to", from: "To", "The callee."),
            .init("accountSid", from: "AccountSid", "The account."),
            .init("sequenceNumber", .integer, from: "SequenceNumber", "The callback's position among the call's callbacks."),
        ],
        identity: ["CallSid", "CallStatus"],
        example: [
            "callSid": "CA00000000000000000000000000000000", "callStatus": "completed", "callDuration": 42, "direction": "outbound-api",
            "answeredBy": .null, "sipResponseCode": 200, "from": "+15005550006", "to": "+14155550123",
            "accountSid": "AC00000000000000000000000000000000", "sequenceNumber": 3,
        ])

    static let newRecording = TriggerDefinition(
        name: "newRecording", toolkitName: "new_recording", title: "New Recording",
        summary: "Fires when a call recording is completed and its audio can be downloaded.",
        parameters: [.init("CallSid", .string(.sid("CA")), "Only recordings of this call.")],
        filters: ["CallSid": .equals("callSid")],
        kind: .statusCallback,
        fields: [
            .init("recordingSid", from: "RecordingSid", "The recording SID (RE…)."),
            .init("callSid", from: "CallSid", "The call it recorded."),
            .init("recordingUrl", from: "RecordingUrl", "Its media URL (add .wav or .mp3)."),
            .init("recordingStatus", from: "RecordingStatus", "completed."),
            .init("duration", .integer, from: "RecordingDuration", "Its length in seconds."),
            .init("channels", .integer, from: "RecordingChannels", "1 (mono) or 2 (dual)."),
            .init("source", from: "RecordingSource", "What started it: OutboundAPI, RecordVerb, DialVerb, …"),
            .init("accountSid", from: "AccountSid", "The account."),
        ],
        identity: ["RecordingSid"],
        example: [
            "recordingSid": "RE00000000000000000000000000000000", "callSid": "CA00000000000000000000000000000000",
            "recordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/RE00000000000000000000000000000000",
            "recordingStatus": "completed", "duration": 42, "channels": 1, "source": "OutboundAPI",
            "accountSid": "AC00000000000000000000000000000000",
        ],
        // A number's StatusCallback (where newRecording can be registered) gets call progress
        // callbacks too: of those (they carry CallStatus), only one that carries a recording fires it.
        fires: { ($0["RecordingSid"] != nil || $0["CallStatus"] == nil) && ($0["RecordingStatus"] ?? "completed") == "completed" })
}
