import Logging
import TwilioKit

/// One call's media stream on the connector's side: reads Twilio's messages, checks the stream
/// (``StreamSessionStateMachine``), runs the workflow on it, and sends the workflow's audio and
/// marks back paced (``OutboundPlayout``). Works on any transport: a connection that hands it
/// messages as they arrive (``open(output:)``), or a sequence of ``MediaStreamFrame``s
/// (``run(inbound:output:)``, as tests do); either way its messages go to a ``MediaStreamOutput``.
///
/// A malformed message, a binary frame, audio that is not 8 kHz µ-law, or a token that does not
/// match ends the stream (closing the connection with a protocol or policy code and a logged
/// reason); nothing a stream sends can end more than the stream.
public struct StreamSession: Sendable {
    /// The workflow's name, for logs.
    let name: String
    let workflow: any RealtimeWorkflow
    /// Checks the stream's token once `start` arrives.
    let authorize: @Sendable (CallStart, _ token: String?) async -> StreamAuthorization
    let settings: StreamSettings
    let logger: Logger

    /// Creates a session running `workflow` (called `name`), authorised by `authorize`.
    public init(name: String, workflow: any RealtimeWorkflow, settings: StreamSettings = StreamSettings(), logger: Logger,
                authorize: @escaping @Sendable (CallStart, _ token: String?) async -> StreamAuthorization) {
        self.name = name
        self.workflow = workflow
        self.authorize = authorize
        self.settings = settings
        self.logger = logger
    }

    /// Opens the stream on `output`: the connection to hand Twilio's messages to, and to run.
    public func open(output: some MediaStreamOutput) -> StreamConnection {
        StreamConnection(session: self, output: output)
    }

    /// Runs the stream until it ends: Twilio's messages from `inbound`, the connector's to `output`.
    public func run<Inbound: AsyncSequence>(inbound: Inbound, output: some MediaStreamOutput) async -> StreamReport
    where Inbound.Element == MediaStreamFrame {
        let connection = open(output: output)
        async let report = connection.run()
        do {
            for try await frame in inbound {
                connection.receive(frame)
                if connection.isEnded { break }
            }
        } catch {
            logger.debug("The stream's connection failed: \(error)")
        }
        connection.connectionClosed()
        return await report
    }
}
