/// Every parameter of CreateCall (`POST /2010-04-01/Accounts/{AccountSid}/Calls.json`).
public struct CallCreateParameters: Sendable, Equatable {
    /// The callee: E.164 phone number, SIP address (`sip:…`) or Client identifier (`client:…`).
    public var to: String
    /// The caller ID: a Twilio number or verified caller ID, or a Client identifier.
    public var from: String
    /// What Twilio does once the call connects (`Url`/`Method`, `Twiml` or `ApplicationSid`).
    public var instructions: CallInstructions
    /// Called with ``fallbackMethod`` when fetching or running the TwiML of ``instructions`` fails.
    public var fallbackURL: String?
    /// The method for ``fallbackURL`` (POST by default).
    public var fallbackMethod: HTTPMethod?
    /// Where Twilio sends call progress events.
    public var statusCallback: String?
    /// The events sent to ``statusCallback``; only `completed` when empty.
    public var statusCallbackEvents: [StatusCallbackEvent]
    /// The method for ``statusCallback`` (POST by default).
    public var statusCallbackMethod: HTTPMethod?
    /// Keys to dial once connected (`0`–`9`, `A`–`D`, `#`, `*`, `w` half-second and `W` one-second pauses), at most 32.
    public var sendDigits: String?
    /// Seconds to let the phone ring before giving up (60 by default, at most 600).
    public var timeout: Int?
    /// Whether to record the call.
    public var record: Bool?
    /// Whether a recording keeps both legs in one channel or each in its own.
    public var recordingChannels: RecordingChannels?
    /// Where Twilio sends recording status events.
    public var recordingStatusCallback: String?
    /// The method for ``recordingStatusCallback`` (POST by default).
    public var recordingStatusCallbackMethod: HTTPMethod?
    /// The user name to authenticate a SIP call with.
    public var sipAuthUsername: String?
    /// The password of ``sipAuthUsername``.
    public var sipAuthPassword: String?
    /// Whether to detect a human, answering machine or fax answering (ignored with ``sendDigits``).
    public var machineDetection: MachineDetection?
    /// Seconds answering machine detection may take before answering `unknown` (30 by default).
    public var machineDetectionTimeout: Int?
    /// The recording events sent to ``recordingStatusCallback``; only `completed` when empty.
    public var recordingStatusCallbackEvents: [RecordingStatusCallbackEvent]
    /// Whether to trim leading and trailing silence from the recording (`trim-silence` by default).
    public var trim: Trim?
    /// The caller ID shown to the callee, for SIP and Client calls.
    public var callerID: String?
    /// Milliseconds of speech (1000–6000, 2400 by default) above which the speaker counts as a machine.
    public var machineDetectionSpeechThreshold: Int?
    /// Milliseconds of silence (500–5000, 1200 by default) that end a speech activity.
    public var machineDetectionSpeechEndThreshold: Int?
    /// Milliseconds of initial silence (2000–10000, 5000 by default) after which the answer is `unknown`.
    public var machineDetectionSilenceTimeout: Int?
    /// Whether answering machine detection runs in the background instead of holding the call.
    public var asyncAMD: Bool?
    /// Where Twilio sends the result of background answering machine detection.
    public var asyncAMDStatusCallback: String?
    /// The method for ``asyncAMDStatusCallback`` (POST by default).
    public var asyncAMDStatusCallbackMethod: HTTPMethod?
    /// A BYOC trunk (`BY…`) to route the call with, when ``to`` is a phone number.
    public var byoc: String?
    /// The purpose of the call shown on the callee's phone (Branded Calls).
    public var callReason: String?
    /// The `call_token` of an incoming call, to forward it with the original caller ID.
    public var callToken: String?
    /// Which audio is recorded (`both` by default).
    public var recordingTrack: RecordingTrack?
    /// The longest the call may last, in seconds.
    public var timeLimit: Int?
    /// Where Twilio delivers push call notifications.
    public var clientNotificationURL: String?

    /// Creates parameters for a call from `from` to `to`.
    public init(
        to: String, from: String, instructions: CallInstructions,
        fallbackURL: String? = nil, fallbackMethod: HTTPMethod? = nil,
        statusCallback: String? = nil, statusCallbackEvents: [StatusCallbackEvent] = [], statusCallbackMethod: HTTPMethod? = nil,
        sendDigits: String? = nil, timeout: Int? = nil, record: Bool? = nil, recordingChannels: RecordingChannels? = nil,
        recordingStatusCallback: String? = nil, recordingStatusCallbackMethod: HTTPMethod? = nil,
        sipAuthUsername: String? = nil, sipAuthPassword: String? = nil,
        machineDetection: MachineDetection? = nil, machineDetectionTimeout: Int? = nil,
        recordingStatusCallbackEvents: [RecordingStatusCallbackEvent] = [], trim: Trim? = nil, callerID: String? = nil,
        machineDetectionSpeechThreshold: Int? = nil, machineDetectionSpeechEndThreshold: Int? = nil,
        machineDetectionSilenceTimeout: Int? = nil, asyncAMD: Bool? = nil, asyncAMDStatusCallback: String? = nil,
        asyncAMDStatusCallbackMethod: HTTPMethod? = nil, byoc: String? = nil, callReason: String? = nil,
        callToken: String? = nil, recordingTrack: RecordingTrack? = nil, timeLimit: Int? = nil,
        clientNotificationURL: String? = nil
    ) {
        self.to = to
        self.from = from
        self.instructions = instructions
        self.fallbackURL = fallbackURL
        self.fallbackMethod = fallbackMethod
        self.statusCallback = statusCallback
        self.statusCallbackEvents = statusCallbackEvents
        self.statusCallbackMethod = statusCallbackMethod
        self.sendDigits = sendDigits
        self.timeout = timeout
        self.record = record
        self.recordingChannels = recordingChannels
        self.recordingStatusCallback = recordingStatusCallback
        self.recordingStatusCallbackMethod = recordingStatusCallbackMethod
        self.sipAuthUsername = sipAuthUsername
        self.sipAuthPassword = sipAuthPassword
        self.machineDetection = machineDetection
        self.machineDetectionTimeout = machineDetectionTimeout
        self.recordingStatusCallbackEvents = recordingStatusCallbackEvents
        self.trim = trim
        self.callerID = callerID
        self.machineDetectionSpeechThreshold = machineDetectionSpeechThreshold
        self.machineDetectionSpeechEndThreshold = machineDetectionSpeechEndThreshold
        self.machineDetectionSilenceTimeout = machineDetectionSilenceTimeout
        self.asyncAMD = asyncAMD
        self.asyncAMDStatusCallback = asyncAMDStatusCallback
        self.asyncAMDStatusCallbackMethod = asyncAMDStatusCallbackMethod
        self.byoc = byoc
        self.callReason = callReason
        self.callToken = callToken
        self.recordingTrack = recordingTrack
        self.timeLimit = timeLimit
        self.clientNotificationURL = clientNotificationURL
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("To", to)
        form.add("From", from)
        instructions.add(to: &form)
        form.add("FallbackUrl", fallbackURL)
        form.add("FallbackMethod", fallbackMethod)
        form.add("StatusCallback", statusCallback)
        form.add("StatusCallbackEvent", statusCallbackEvents)
        form.add("StatusCallbackMethod", statusCallbackMethod)
        form.add("SendDigits", sendDigits)
        form.add("Timeout", timeout)
        form.add("Record", record)
        form.add("RecordingChannels", recordingChannels)
        form.add("RecordingStatusCallback", recordingStatusCallback)
        form.add("RecordingStatusCallbackMethod", recordingStatusCallbackMethod)
        form.add("SipAuthUsername", sipAuthUsername)
        form.add("SipAuthPassword", sipAuthPassword)
        form.add("MachineDetection", machineDetection)
        form.add("MachineDetectionTimeout", machineDetectionTimeout)
        form.add("RecordingStatusCallbackEvent", recordingStatusCallbackEvents)
        form.add("Trim", trim)
        form.add("CallerId", callerID)
        form.add("MachineDetectionSpeechThreshold", machineDetectionSpeechThreshold)
        form.add("MachineDetectionSpeechEndThreshold", machineDetectionSpeechEndThreshold)
        form.add("MachineDetectionSilenceTimeout", machineDetectionSilenceTimeout)
        form.add("AsyncAmd", asyncAMD)
        form.add("AsyncAmdStatusCallback", asyncAMDStatusCallback)
        form.add("AsyncAmdStatusCallbackMethod", asyncAMDStatusCallbackMethod)
        form.add("Byoc", byoc)
        form.add("CallReason", callReason)
        form.add("CallToken", callToken)
        form.add("RecordingTrack", recordingTrack)
        form.add("TimeLimit", timeLimit)
        form.add("ClientNotificationUrl", clientNotificationURL)
        return form
    }

    /// A call progress event sent to the status callback.
    public enum StatusCallbackEvent: String, Sendable, CaseIterable {
        /// Twilio starts dialing.
        case initiated
        /// The callee's phone rings.
        case ringing
        /// The call is answered.
        case answered
        /// The call ends.
        case completed
    }

    /// The channels of a call's recording.
    public enum RecordingChannels: String, Sendable, CaseIterable {
        /// Both legs in one channel.
        case mono
        /// Each leg in its own channel, the parent call first.
        case dual
    }

    /// How answering machine detection reports.
    public enum MachineDetection: String, Sendable, CaseIterable {
        /// Report `AnsweredBy` as soon as the callee is identified.
        case enable = "Enable"
        /// Wait for the end of a machine's greeting, to leave a message.
        case detectMessageEnd = "DetectMessageEnd"
    }

    /// A recording status event sent to the recording status callback.
    public enum RecordingStatusCallbackEvent: String, Sendable, CaseIterable {
        /// Recording started.
        case inProgress = "in-progress"
        /// The recording is available.
        case completed
        /// The recording failed or was empty.
        case absent
    }

    /// Whether silence is trimmed from a recording.
    public enum Trim: String, Sendable, CaseIterable {
        /// Trim leading and trailing silence.
        case trimSilence = "trim-silence"
        /// Keep the silence.
        case doNotTrim = "do-not-trim"
    }

    /// Which audio of a call is recorded.
    public enum RecordingTrack: String, Sendable, CaseIterable {
        /// Audio Twilio receives.
        case inbound
        /// Audio Twilio generates.
        case outbound
        /// Both.
        case both
    }
}
