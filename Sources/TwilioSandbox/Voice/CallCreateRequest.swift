import Foundation
import TwilioKit

/// A CreateCall form, checked as Twilio checks it. The checks that need the sandbox's state (who
/// owns `From`) are the simulator's.
struct CallCreateRequest: Sendable {
    let to: String
    let from: String
    let instructions: TwiMLSource
    let fallbackURL: String?
    let fallbackMethod: String
    let statusCallback: String?
    let statusCallbackMethod: String
    let statusCallbackEvents: Set<String>
    let timeout: Int
    let timeLimit: Int
    let machineDetection: String?
    let recording: CallRecordingOptions?

    /// The progress events a `StatusCallbackEvent` may name.
    static let statusCallbackEventNames = Set(CallCreateParameters.StatusCallbackEvent.allCases.map(\.rawValue))
    /// The recording statuses a `RecordingStatusCallbackEvent` may name.
    static let recordingEvents = Set(CallCreateParameters.RecordingStatusCallbackEvent.allCases.compactMap { RecordingStatus(rawValue: $0.rawValue) })

    /// Checks `form`; with `application` (its `ApplicationSid`), the call runs the Application's
    /// voice settings and Twilio ignores the form's URLs, as it documents.
    init(_ form: FormParameters, application: ApplicationRecord? = nil) throws(SandboxError) {
        guard let to = form.first("To")?.trimmingCharacters(in: .whitespaces), !to.isEmpty else {
            throw SandboxError(.badRequest, code: 21201, "No 'To' number is specified")
        }
        guard let from = form.first("From")?.trimmingCharacters(in: .whitespaces), !from.isEmpty else {
            throw SandboxError(.badRequest, code: 21213, "No 'From' number is specified")
        }
        self.to = to
        self.from = from
        if let application {
            guard let voiceURL = application.webhooks.voiceURL else {
                throw SandboxError(.badRequest, code: 21205, "Application \(application.sid) has no VoiceUrl: it cannot say what the call does")
            }
            instructions = .url(voiceURL, method: application.webhooks.voiceMethod)
            fallbackURL = application.webhooks.voiceFallbackURL
            fallbackMethod = application.webhooks.voiceFallbackMethod
            statusCallback = application.webhooks.statusCallback
            statusCallbackMethod = application.webhooks.statusCallbackMethod
        } else {
            instructions = try Self.instructions(form)
            fallbackURL = try Self.url(form, "FallbackUrl", code: 21205)
            fallbackMethod = try Self.method(form, "FallbackMethod") ?? "POST"
            statusCallback = try Self.url(form, "StatusCallback", code: 21609)
            statusCallbackMethod = try Self.method(form, "StatusCallbackMethod") ?? "POST"
        }
        let events = Self.list(form, "StatusCallbackEvent")
        if let invalid = events.first(where: { !Self.statusCallbackEventNames.contains($0) }) {
            throw SandboxError(.badRequest, code: 21626, "Invalid 'StatusCallbackEvent': '\(invalid)' must be one of initiated, ringing, answered, completed")
        }
        statusCallbackEvents = events.isEmpty ? [CallCreateParameters.StatusCallbackEvent.completed.rawValue] : Set(events)
        if let raw = form.first("Timeout") {
            guard let timeout = Int(raw), (1...600).contains(timeout) else {
                throw SandboxError(.badRequest, code: 21208, "Invalid Timeout: '\(raw)' must be an integer from 1 to 600")
            }
            self.timeout = timeout
        } else {
            timeout = 60
        }
        timeLimit = try form.int("TimeLimit", in: 1...86_400) ?? 14_400
        if let digits = form.first("SendDigits"), digits.count > 32 || !digits.allSatisfy({ "0123456789ABCD#*wW".contains($0) }) {
            throw SandboxError(.badRequest, code: 21206, "Invalid SendDigits: '\(digits)' takes at most 32 of 0-9, A-D, #, *, w and W")
        }
        if let raw = form.first("MachineDetection") {
            guard let value = ["Enable", "DetectMessageEnd"].first(where: { $0.lowercased() == raw.lowercased() }) else {
                throw SandboxError(.badRequest, code: 21234, "Invalid Machine Detection configuration value: MachineDetection '\(raw)' must be Enable or DetectMessageEnd")
            }
            machineDetection = value
        } else {
            machineDetection = nil
        }
        try Self.checkMachineDetectionTuning(form)
        recording = try Self.recording(form)
        _ = try form.oneOf("Trim", ["trim-silence", "do-not-trim"])
        _ = try Self.url(form, "AsyncAmdStatusCallback", code: 21609)
        _ = try Self.method(form, "AsyncAmdStatusCallbackMethod")
        _ = try form.bool("AsyncAmd")
        _ = try Self.url(form, "ClientNotificationUrl", code: 21609)
    }

    /// `Url` (with `Method`), else `Twiml`. As Twilio documents: `Twiml` is ignored when `Url` is given.
    private static func instructions(_ form: FormParameters) throws(SandboxError) -> TwiMLSource {
        if let url = try url(form, "Url", code: 21205) {
            return .url(url, method: try method(form, "Method") ?? "POST")
        }
        if let twiml = form.first("Twiml"), !twiml.isEmpty {
            guard twiml.count <= 4000 else {
                throw SandboxError(.badRequest, code: 20001, "Twiml is \(twiml.count) characters long: at most 4000 are allowed")
            }
            return .inline(twiml)
        }
        throw SandboxError(.badRequest, code: 21205, "One of 'Url', 'Twiml' or 'ApplicationSid' is required: it says what the call does once answered")
    }

    /// `Record=true` and its recording parameters.
    private static func recording(_ form: FormParameters) throws(SandboxError) -> CallRecordingOptions? {
        let channels = try form.oneOf("RecordingChannels", ["mono", "dual"])
        let track = try form.oneOf("RecordingTrack", ["inbound", "outbound", "both"])
        let callback = try url(form, "RecordingStatusCallback", code: 21609)
        let method = try method(form, "RecordingStatusCallbackMethod") ?? "POST"
        let events = list(form, "RecordingStatusCallbackEvent")
        if let invalid = events.first(where: { RecordingStatus(rawValue: $0).map(recordingEvents.contains) != true }) {
            throw SandboxError.invalidParameter("RecordingStatusCallbackEvent", invalid, rule: "must be one of in-progress, completed, absent")
        }
        guard try form.bool("Record") == true else { return nil }
        return CallRecordingOptions(
            recordingSID: SID.make("RE"), channels: channels == "dual" ? 2 : 1, track: track ?? "both",
            notification: callback.map { RecordingNotification(url: $0, method: method, events: events.isEmpty ? [.completed] : Set(events.compactMap(RecordingStatus.init(rawValue:)))) })
    }

    /// The machine detection tunings, each within Twilio's range.
    private static func checkMachineDetectionTuning(_ form: FormParameters) throws(SandboxError) {
        _ = try form.int("MachineDetectionTimeout", in: 3...59)
        _ = try form.int("MachineDetectionSpeechThreshold", in: 1000...6000)
        _ = try form.int("MachineDetectionSpeechEndThreshold", in: 500...5000)
        _ = try form.int("MachineDetectionSilenceTimeout", in: 2000...10_000)
    }

    /// An absolute http(s) URL, or `nil` when absent or empty.
    static func url(_ form: FormParameters, _ name: String, code: Int) throws(SandboxError) -> String? {
        guard let value = form.first(name), !value.isEmpty else { return nil }
        guard isAbsoluteURL(value) else {
            throw SandboxError(.badRequest, code: code, "Invalid \(name): '\(value)' is not a valid absolute http or https URL")
        }
        return value
    }

    /// `GET` or `POST` (any case), or `nil` when absent.
    static func method(_ form: FormParameters, _ name: String) throws(SandboxError) -> String? {
        guard let value = form.first(name), !value.isEmpty else { return nil }
        guard ["GET", "POST"].contains(value.uppercased()) else {
            throw SandboxError(.badRequest, code: 21209, "Invalid \(name): '\(value)' must be GET or POST")
        }
        return value.uppercased()
    }

    /// The values of a repeatable parameter, each also split at spaces (`initiated ringing`).
    private static func list(_ form: FormParameters, _ name: String) -> [String] {
        form.values(name).flatMap { $0.split(separator: " ").map(String.init) }
    }

    /// Whether `value` is an absolute http(s) URL with a host.
    static func isAbsoluteURL(_ value: String) -> Bool {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), let host = url.host else { return false }
        return (scheme == "http" || scheme == "https") && !host.isEmpty
    }
}
