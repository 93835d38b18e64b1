/// How ``RealtimeCalls`` waits and how its streams run.
public struct RealtimeCallSettings: Sendable {
    /// How long makeCall waits for a status callback before asking Twilio (`GET Calls/<sid>`).
    public var pollInterval: Duration
    /// How long makeCall waits, once the call ended, for its workflow's result.
    public var resultWait: Duration
    /// How long an outbound call's stream waits for the call's creation to be answered (its token bound).
    public var bindingWait: Duration
    /// How long an issued stream token stays valid.
    public var tokenLifetime: Duration
    /// How streams run.
    public var stream: StreamSettings

    /// Creates settings.
    public init(pollInterval: Duration = .seconds(5), resultWait: Duration = .seconds(10), bindingWait: Duration = .seconds(10),
                tokenLifetime: Duration = .seconds(3600), stream: StreamSettings = StreamSettings()) {
        self.pollInterval = pollInterval
        self.resultWait = resultWait
        self.bindingWait = bindingWait
        self.tokenLifetime = tokenLifetime
        self.stream = stream
    }
}
