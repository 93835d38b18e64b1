import ConnectorStore
import Foundation
import Logging
import TwilioConnector
import TwilioKit

/// Waits for a call to end: its status callbacks, read from the store as the `callStatus` trigger
/// recorded them (waking on each new event, also one another instance stored), with a poll of
/// `GET Calls/<sid>` whenever no callback came for `pollInterval` — so the wait ends even when no
/// callback reaches the connector.
struct CallProgressWaiter {
    let reader: TriggerEventReader?
    let client: TwilioClient
    let pollInterval: Duration
    let logger: Logger

    /// The trigger whose events are the call's status callbacks.
    private static let trigger = "callStatus"

    /// Follows `callSid` from the store's event `sequence` on until it ends or `deadline` passes.
    func follow(_ callSid: String, after sequence: Int64?, until deadline: ContinuousClock.Instant?) async -> CallProgress {
        var progress = CallProgress()
        var cursor = EventCursor(sequence: sequence ?? 0)
        var lastNews = ContinuousClock.now
        while !progress.isFinal, !Task.isCancelled {
            let now = ContinuousClock.now
            if let deadline, now >= deadline { break }
            let wait = deadline.map { min(pollInterval, $0 - now) } ?? pollInterval
            if let reader, let trigger = TriggerCatalogue.trigger(named: Self.trigger),
               let page = try? await reader.next(trigger, after: cursor, limit: 50, filter: ["CallSid": .string(callSid)], timeout: wait,
                                                 pollInterval: .milliseconds(500)) {
                cursor = page.next
                for event in page.events {
                    guard case .object(let data) = event.data, case .string(let status)? = data["callStatus"] else { continue }
                    let duration: Int? = if case .number(let seconds)? = data["callDuration"] { Int(seconds) } else { nil }
                    progress.observe(status: CallStatus(rawValue: status) ?? .unknown, duration: duration)
                    lastNews = .now
                }
            } else {
                try? await Task.sleep(for: wait)
            }
            if !progress.isFinal, ContinuousClock.now - lastNews >= pollInterval {
                await poll(callSid, into: &progress)
                lastNews = .now
            }
        }
        return progress
    }

    /// Reads the call from Twilio into `progress` (a failure is logged; the wait goes on).
    func poll(_ callSid: String, into progress: inout CallProgress) async {
        do {
            progress.observe(try await client.calls.fetch(callSid))
        } catch {
            logger.debug("The call could not be read while waiting for it: \(error)", metadata: ["call": "\(callSid)"])
        }
    }

    /// Ends a call that outlived its wait: hangs it up when answered, cancels it otherwise.
    func hangUp(_ callSid: String, progress: inout CallProgress) async {
        await poll(callSid, into: &progress)
        guard !progress.isFinal else { return }
        let change: CallUpdateParameters.Status = progress.status == .inProgress ? .completed : .canceled
        do {
            progress.observe(try await client.calls.update(callSid, CallUpdateParameters(status: change)))
        } catch {
            logger.warning("The call could not be hung up after its maxDuration: \(error)", metadata: ["call": "\(callSid)"])
        }
    }
}
