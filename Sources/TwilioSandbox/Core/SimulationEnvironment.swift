import Logging

/// What every simulator is wired with, the same way: the background work it runs on (stopped with
/// the sandbox), the webhooks it posts, the Event Streams it reports to, the simulated handsets at the other end, how fast
/// simulated time runs, and where it logs. Each product's façade builds its simulator from it and
/// from the other products' façades it needs.
struct SimulationEnvironment: Sendable {
    /// Where the simulators run what happens after a request has been answered.
    let background: BackgroundWork
    /// Posts webhooks as Twilio does, and records them.
    let webhooks: WebhookDispatcher
    /// Where what happens is reported to Event Streams (the account's subscribed sinks).
    let eventStreams: EventsFacade
    /// How the simulated handsets answer messages, calls and `<Gather>`s.
    let handsets: HandsetDirectory
    /// The pause between two status changes of a message, call or transcript.
    let statusStep: Duration
    /// Where the simulators log.
    let logger: Logger
}
