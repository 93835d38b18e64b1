import Foundation
import TwilioKit

extension CallSimulator {
    /// Stores a completed recording of `call` and posts its `completed` status callback when asked.
    @discardableResult
    func makeRecording(sid: String = SID.make("RE"), of call: CallRecord, source: RecordingSource, seconds: Int, channels: Int,
                       track: String, startTime: Date, notification: RecordingNotification?,
                       streamedAudio: Data? = nil) async -> RecordingRecord {
        let now = Date()
        let recording = RecordingRecord(
            sid: sid, accountSID: call.accountSID, callSID: call.sid, source: source, channels: channels, track: track,
            duration: seconds, startTime: startTime, dateCreated: now, dateUpdated: now, status: .completed,
            apiOrigin: call.apiOrigin, streamedAudio: streamedAudio)
        await recordings.save(recording)
        await calls.log(call.sid, CallEvent("recording", [
            ("recording_sid", .string(sid)), ("source", .string(source.rawValue)), ("duration", .int(seconds)),
            ("media_url", .string(recording.mediaURL)),
        ]))
        if let notification, notification.events.contains(.completed) {
            let webhooks = environment.webhooks
            environment.background.run {
                await webhooks.send(notification.url, method: notification.method,
                                    parameters: recording.statusCallbackParameters, accountSID: call.accountSID)
            }
        }
        return recording
    }
}
