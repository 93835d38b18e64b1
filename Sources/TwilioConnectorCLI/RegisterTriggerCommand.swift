import ArgumentParser
import Foundation
import TwilioConnector

/// `twilio-connector triggers register <trigger> --number +1… [--replace] [--via-service]
/// [--setting Key=Value]…`, or `--via event-streams`.
struct RegisterTriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Connect a trigger to a number (the field it needs) or to the account's Event Streams.",
        discussion: """
            Shows what the number's field holds and changes nothing without consent: a field that points elsewhere (a URL, an \
            Application, a trunk) is only taken over with --replace. The previous settings are stored first and put back exactly \
            by `triggers unregister`.
            """)

    /// Where to register.
    enum Via: String, ExpressibleByArgument, CaseIterable {
        case number
        case messagingService = "messaging-service"
        case eventStreams = "event-streams"
    }

    @Argument(help: "The trigger, in any dialect (newSms, new_sms).")
    var trigger: String

    @Option(help: "The number (E.164, or its PN… SID).")
    var number: String?

    @Option(help: "number (the default with --number), messaging-service, or event-streams (account-wide, no number).")
    var via: Via?

    @Flag(name: .customLong("via-service"), help: "Register on the number's Messaging Service, whose inbound webhook wins over the number's.")
    var viaService = false

    @Flag(help: "Take over a field that points elsewhere (its settings are kept and put back on unregister).")
    var replace = false

    @Option(name: .customLong("setting"), parsing: .singleValue,
            help: ArgumentHelp("A setting of the trigger, carried in the webhook URL (Reply=Thanks, subWorkflow=echo); repeat for more.",
                               valueName: "Key=Value"))
    var settings: [String] = []

    @OptionGroup var options: RegistrarOptions

    func validate() throws {
        for setting in settings where !setting.contains("=") || setting.hasPrefix("=") {
            throw ValidationError("--setting must be Key=Value, not '\(setting)'")
        }
        _ = try target()
    }

    func run() async throws {
        let request = RegistrationRequest(trigger: trigger, target: try target(), replace: replace, settings: Dictionary(
            settings.map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { _, last in last }))
        try await options.withRegistrar { registrar throws(RegistrationError) in
            let registration = try await registrar.register(request)
            try? options.print(registration, "Registered")
        }
    }

    /// Where the options say to register.
    private func target() throws -> RegistrationRequest.Target {
        let via = self.via ?? (viaService ? .messagingService : .number)
        switch via {
        case .eventStreams:
            guard number == nil, !viaService else { throw ValidationError("--via event-streams is account-wide: give neither --number nor --via-service") }
            return .eventStreams
        case .number, .messagingService:
            guard let number else { throw ValidationError("Give --number +1… (or --via event-streams)") }
            return via == .messagingService || viaService ? .messagingServiceOf(number) : .number(number)
        }
    }
}
