/// How streams run: the pacing of outbound audio, and how long endings may take.
public struct StreamSettings: Sendable {
    /// How far ahead of the caller's ear the connector sends audio to Twilio (Twilio buffers it).
    public var lead: Duration
    /// How long a workflow may take to return once its call's stream ended, before it is cancelled.
    public var finishGrace: Duration
    /// The clock outbound audio is paced by.
    public var clock: any PlayoutClock

    /// Creates settings: by default 100 ms of lead and 5 s of grace, on the process's clock.
    public init(lead: Duration = .milliseconds(100), finishGrace: Duration = .seconds(5), clock: any PlayoutClock = ContinuousPlayoutClock()) {
        self.lead = lead
        self.finishGrace = finishGrace
        self.clock = clock
    }
}
