import TwilioKit

/// What makeCall answers in the component dialect: the call and, when a real-time workflow ran
/// during it (`subWorkflow`), how the call ended and what the workflow returned.
struct PlacedCall: Sendable {
    /// The call as created, or as it was when it ended.
    let call: Call
    /// The workflow that handled the call's audio, if any.
    let workflow: String?
    /// How the call ended, when makeCall waited for it.
    let end: RealtimeCallEnd?
}
