import Foundation
import TwilioConnector
import TwilioKit

/// The built-in workflows, by the name of their kind.
public enum WorkflowKind: String, Sendable, CaseIterable {
    /// ``EchoWorkflow``.
    case echo
    /// ``PlayWorkflow``.
    case play
    /// ``RecordWorkflow``.
    case record
    /// ``MenuWorkflow``.
    case menu
    /// ``BridgeWorkflow``: needs a `url`, so it exists only as configured in a workflows file.
    case bridge

    /// The kinds usable by their name alone, with their default settings.
    static let usableByName: [WorkflowKind] = [.echo, .play, .record, .menu]

    /// What the built-ins need from the connector.
    public struct Environment: Sendable {
        /// Where `record` may write.
        public var fileAccess: FileAccess
        /// How `bridge` reaches agents.
        public var dialer: any MediaStreamDialer
        /// The folder relative file names in settings (`file`) are read from.
        public var directory: String

        /// Creates an environment.
        public init(fileAccess: FileAccess, dialer: any MediaStreamDialer, directory: String = FileManager.default.currentDirectoryPath) {
            self.fileAccess = fileAccess
            self.dialer = dialer
            self.directory = directory
        }
    }

    /// A two-note chime: the prompt and audio of `play` and `menu` when no file or tone is given.
    static let chime = ToneGenerator.tone(frequency: 660, duration: .milliseconds(300)) + ToneGenerator.tone(frequency: 880, duration: .milliseconds(300))

    /// The workflow of this kind with `settings` (each checked; unknown ones refused).
    func workflow(_ settings: WorkflowSettings, environment: Environment) throws(WorkflowConfigurationError) -> any RealtimeWorkflow {
        switch self {
        case .echo:
            try settings.allow(only: [])
            return EchoWorkflow()
        case .play:
            try settings.allow(only: PromptAudio.settingNames.union(["then"]))
            let audio = try PromptAudio.samples(from: settings, directory: environment.directory, fallback: Self.chime)
            let then = try settings.choice("then", among: PlayWorkflow.Then.allCases.map(\.rawValue)).flatMap(PlayWorkflow.Then.init(rawValue:))
            return PlayWorkflow(audio: audio, then: then ?? .hangup)
        case .record:
            try settings.allow(only: ["saveTo", "maxSeconds", "finishOnKey", "beep", "overwrite"])
            return RecordWorkflow(saveTo: try settings.string("saveTo") ?? "{callSid}.wav", maxSeconds: try settings.number("maxSeconds", in: 1...14_400) ?? 3600,
                                  finishOnKey: try key(settings, "finishOnKey"), beep: try settings.bool("beep") ?? true,
                                  overwrite: try settings.bool("overwrite") ?? false, fileAccess: environment.fileAccess)
        case .menu:
            try settings.allow(only: ["prompt", "numDigits", "finishOnKey", "timeoutSeconds", "routes", "callerId"])
            let prompt = try settings.nested("prompt").map { nested throws(WorkflowConfigurationError) in
                try nested.allow(only: PromptAudio.settingNames)
                return try PromptAudio.samples(from: nested, directory: environment.directory, fallback: Self.chime)
            } ?? Self.chime
            let timeout = try settings.number("timeoutSeconds", in: 0.1...600) ?? 5
            return MenuWorkflow(prompt: prompt, numDigits: try settings.integer("numDigits", in: 1...32) ?? 1,
                                finishOnKey: try settings.fields["finishOnKey"] == nil ? "#" : key(settings, "finishOnKey"),
                                timeout: .milliseconds(Int64(timeout * 1000)), routes: try settings.strings("routes") ?? [:],
                                callerId: try settings.string("callerId"))
        case .bridge:
            try settings.allow(only: ["url", "headers", "parameters"])
            guard let url = try settings.string("url") else { throw settings.problem("url", "is required: the agent's ws:// or wss:// URL") }
            guard let parsed = URL(string: url), ["ws", "wss"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                throw settings.problem("url", "must be a ws:// or wss:// URL")
            }
            return BridgeWorkflow(url: url, headers: try settings.strings("headers") ?? [:], parameters: try settings.strings("parameters") ?? [:],
                                  dialer: environment.dialer)
        }
    }

    /// A one-key setting (`finishOnKey`): a DTMF key, or `""` for none.
    private func key(_ settings: WorkflowSettings, _ name: String) throws(WorkflowConfigurationError) -> String? {
        guard let key = try settings.string(name), !key.isEmpty else { return nil }
        guard key.count == 1, "0123456789*#ABCD".contains(key) else { throw settings.problem(name, "must be one key: 0–9, *, #, A–D, or \"\" for none") }
        return key
    }
}
