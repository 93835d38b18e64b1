import Foundation
import Logging
import TwilioConnector
import TwilioKit

/// One call's media stream on the connector's side: reads Twilio's messages, checks the stream
/// (``StreamSessionStateMachine``), runs the workflow on it, and sends the workflow's audio and
/// marks back paced (``OutboundPlayout``). Works on any transport (``MediaStreamSender`` and a
/// sequence of ``MediaStreamFrame``s), so it runs in tests without sockets.
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

    /// What the session's tasks finish with.
    private enum TaskEnd: Sendable {
        case workflow([String: JSONValue])
        case sender
        case grace
    }

    /// Runs the stream until it ends: Twilio's messages from `inbound`, the connector's to `sender`.
    public func run<Inbound: AsyncSequence>(inbound: Inbound, sender: some MediaStreamSender) async -> StreamReport
    where Inbound.Element == MediaStreamFrame {
        let (events, eventsContinuation) = AsyncStream.makeStream(of: RealtimeCallEvent.self, bufferingPolicy: .bufferingNewest(3000))
        let (doorbell, doorbellContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let core = StreamSessionCore(lead: settings.lead, events: eventsContinuation, doorbell: doorbellContinuation)
        var logger = self.logger
        logger[metadataKey: "workflow"] = "\(name)"
        let open = VoiceMetrics.openStreams()
        open.increment()
        defer { open.decrement() }

        var started: CallStart?
        var result: [String: JSONValue]?
        await withTaskGroup(of: TaskEnd.self) { group in
            var reader = StreamReader(core: core)
            do {
                for try await frame in inbound {
                    guard case .startWorkflow(let call, let token) = reader.read(frame) else {
                        if core.isEnded { break }
                        continue
                    }
                    logger[metadataKey: "call"] = "\(call.callSid)"
                    logger[metadataKey: "stream"] = "\(call.streamSid)"
                    switch await authorize(call, token) {
                    case .refused(let reason):
                        _ = core.transition { $0.refuse(reason) }
                    case .granted(let control):
                        started = call
                        let handle = RealtimeCall(start: call, events: events, core: core, control: control, logger: logger)
                        group.addTask { [workflow, logger] in
                            let result = await Self.runWorkflow(workflow, handle, logger: logger)
                            core.workflowFinished()
                            return .workflow(result)
                        }
                        group.addTask { [settings] in
                            await Self.send(core: core, doorbell: doorbell, to: sender, clock: settings.clock)
                            return .sender
                        }
                        logger.info("A real-time workflow started", metadata: ["from": "\(call.from ?? "")", "to": "\(call.to ?? "")"])
                    }
                    if core.isEnded { break }
                }
            } catch {
                logger.debug("The stream's connection failed: \(error)")
            }
            _ = core.transition { $0.connectionClosed() }
            let end = core.end ?? .closed
            if end != .workflowFinished { await sender.close(end.close) }
            if started != nil {
                group.addTask { [settings] in
                    try? await Task.sleep(for: settings.finishGrace)
                    return .grace
                }
            }
            for await taskEnd in group {
                switch taskEnd {
                case .workflow(let returned):
                    result = returned
                    group.cancelAll()
                case .grace:
                    if result == nil {
                        logger.warning("The workflow did not return within \(settings.finishGrace) of the stream's end: cancelled")
                    }
                    group.cancelAll()
                case .sender:
                    break
                }
            }
        }
        let end = core.end ?? .closed
        VoiceMetrics.streamEnded(end)
        switch end {
        case .protocolError(let reason), .refused(let reason):
            logger.warning("A media stream was ended: \(reason)")
        case .stopped, .closed, .workflowFinished:
            logger.info("A real-time workflow ended (\(end))")
        }
        return StreamReport(start: started, end: end, result: result)
    }

    /// Runs the workflow; an error it throws becomes its result.
    private static func runWorkflow(_ workflow: any RealtimeWorkflow, _ call: RealtimeCall, logger: Logger) async -> [String: JSONValue] {
        do {
            return try await workflow.run(call)
        } catch is CancellationError {
            return ["error": "the workflow was cancelled: it did not return after its call's stream ended"]
        } catch {
            let message = (error as? ActionFailure)?.message ?? "\(error)"
            logger.warning("The workflow failed: \(message)")
            return ["error": .string(message)]
        }
    }

    /// Sends what the playout hands out, at its pace, until the stream is over or drained (then
    /// closes the connection, which ends the reader).
    private static func send(core: StreamSessionCore, doorbell: AsyncStream<Void>, to sender: some MediaStreamSender,
                             clock: any PlayoutClock) async {
        var bell = doorbell.makeAsyncIterator()
        while !Task.isCancelled {
            switch core.nextOutbound(at: clock.now) {
            case .send(let text):
                do { try await sender.send(text) } catch {
                    _ = core.transition { $0.connectionClosed() }
                    return
                }
            case .wait(let deadline):
                do { try await clock.sleep(until: deadline) } catch { return }
            case .idle:
                guard await bell.next() != nil else { return }
            case .finished:
                if core.end == .workflowFinished { await sender.close(.normal) }
                return
            }
        }
    }
}
