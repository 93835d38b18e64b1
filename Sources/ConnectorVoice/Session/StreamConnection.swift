import Logging
import Synchronization
import TwilioConnector
import TwilioKit

/// A stream's `start`, read and checked, waiting for its token to be checked.
struct StreamStart: Sendable {
    let call: CallStart
    let token: String?
}

/// One call's media stream as its connection drives it: Twilio's messages are handed in as they
/// arrive (``receive(_:)``, on the connection's thread, with no task in between), the connector's
/// go out through the ``MediaStreamOutput`` as they fall due, and ``run()`` does what takes time —
/// checking the stream's token, running the workflow, waiting for its result — until the stream
/// ends. Made by ``StreamSession/open(output:)``.
public final class StreamConnection: Sendable {
    private let session: StreamSession
    private let core: StreamSessionCore
    private let reader: Mutex<StreamReader>
    private let events: RealtimeCallEvents
    private let starts: AsyncStream<StreamStart>

    init(session: StreamSession, output: some MediaStreamOutput) {
        self.session = session
        let events = RealtimeCallEvents(queue: RealtimeCallEvents.Queue())
        let (starts, startsContinuation) = AsyncStream.makeStream(of: StreamStart.self)
        core = StreamSessionCore(lead: session.settings.lead, clock: session.settings.clock, output: output, events: events.queue,
                                 starts: startsContinuation)
        reader = Mutex(StreamReader(core: core))
        self.events = events
        self.starts = starts
    }

    /// Whether the stream is over (what arrives from now on is ignored).
    public var isEnded: Bool { core.isEnded }

    /// Reads one of Twilio's messages.
    public func receive(_ frame: MediaStreamFrame) {
        _ = reader.withLock { $0.read(frame) }
    }

    /// The connection broke the WebSocket protocol (`reason` says how): the stream ends with a protocol error.
    public func receiveMalformed(_ reason: String) {
        _ = core.transition { $0.receiveMalformed(reason) }
    }

    /// The output takes more again: what fell due meanwhile goes out.
    public func outputBecameWritable() {
        core.pump()
    }

    /// The connection closed, or is to be closed (the server stops): the stream ends.
    public func connectionClosed() {
        _ = core.transition { $0.connectionClosed() }
    }

    /// What the session's tasks finish with.
    private enum TaskEnd: Sendable {
        case workflow([String: JSONValue])
        case grace
    }

    /// Runs the stream until it ends: checks its token once `start` arrives, runs the workflow on
    /// it, and waits (at most the settings' grace past the stream's end) for the workflow's result.
    public func run() async -> StreamReport {
        var logger = session.logger
        logger[metadataKey: "workflow"] = "\(session.name)"
        let open = VoiceMetrics.openStreams()
        open.increment()
        defer { open.decrement() }

        var started: CallStart?
        var result: [String: JSONValue]?
        await withTaskGroup(of: TaskEnd.self) { [core, session, events] group in
            for await start in starts {
                let call = start.call
                logger[metadataKey: "call"] = "\(call.callSid)"
                logger[metadataKey: "stream"] = "\(call.streamSid)"
                switch await session.authorize(call, start.token) {
                case .refused(let reason):
                    _ = core.transition { $0.refuse(reason) }
                case .granted(let control):
                    started = call
                    let handle = RealtimeCall(start: call, events: events, core: core, control: control, logger: logger)
                    group.addTask { [workflow = session.workflow, logger] in
                        let result = await Self.runWorkflow(workflow, handle, logger: logger)
                        core.workflowFinished()
                        return .workflow(result)
                    }
                    logger.info("A real-time workflow started", metadata: ["from": "\(call.from ?? "")", "to": "\(call.to ?? "")"])
                }
            }
            // The stream is over (`starts` ends with it).
            if started != nil {
                group.addTask { [grace = session.settings.finishGrace] in
                    try? await Task.sleep(for: grace)
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
                        logger.warning("The workflow did not return within \(session.settings.finishGrace) of the stream's end: cancelled")
                    }
                    group.cancelAll()
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
}
