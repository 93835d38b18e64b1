/// The parameters of CreateCallRecording (`POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json`):
/// starts recording a call in progress.
public struct CallRecordingStartParameters: Sendable, Equatable {
    /// Where Twilio sends the recording's status events.
    public var recordingStatusCallback: String?
    /// The events sent to ``recordingStatusCallback`` (`in-progress`, `completed`, `absent`); only `completed` when empty.
    public var recordingStatusCallbackEvents: [CallCreateParameters.RecordingStatusCallbackEvent]
    /// The method for ``recordingStatusCallback`` (POST by default).
    public var recordingStatusCallbackMethod: HTTPMethod?
    /// Whether to trim leading and trailing silence (`do-not-trim` by default).
    public var trim: CallCreateParameters.Trim?
    /// Both legs in one channel (`mono`, the default) or one each (`dual`).
    public var recordingChannels: CallCreateParameters.RecordingChannels?
    /// Which audio is recorded (`both` by default).
    public var recordingTrack: CallCreateParameters.RecordingTrack?

    /// Creates parameters; unset ones take Twilio's defaults.
    public init(
        recordingStatusCallback: String? = nil, recordingStatusCallbackEvents: [CallCreateParameters.RecordingStatusCallbackEvent] = [],
        recordingStatusCallbackMethod: HTTPMethod? = nil, trim: CallCreateParameters.Trim? = nil,
        recordingChannels: CallCreateParameters.RecordingChannels? = nil, recordingTrack: CallCreateParameters.RecordingTrack? = nil
    ) {
        self.recordingStatusCallback = recordingStatusCallback
        self.recordingStatusCallbackEvents = recordingStatusCallbackEvents
        self.recordingStatusCallbackMethod = recordingStatusCallbackMethod
        self.trim = trim
        self.recordingChannels = recordingChannels
        self.recordingTrack = recordingTrack
    }

    /// The form body, with Twilio's parameter names.
    public var form: FormParameters {
        var form = FormParameters()
        form.add("RecordingStatusCallback", recordingStatusCallback)
        form.add("RecordingStatusCallbackEvent", recordingStatusCallbackEvents)
        form.add("RecordingStatusCallbackMethod", recordingStatusCallbackMethod)
        form.add("Trim", trim)
        form.add("RecordingChannels", recordingChannels)
        form.add("RecordingTrack", recordingTrack)
        return form
    }
}
