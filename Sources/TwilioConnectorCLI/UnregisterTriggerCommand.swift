import ArgumentParser
import Foundation
import TwilioConnector

/// `twilio-connector triggers unregister <trigger> --number +1… [--force]`, or `--via
/// event-streams`, or `--id reg_…`.
struct UnregisterTriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unregister", abstract: "Remove a trigger's registration, putting back exactly what it replaced.",
        discussion: "Refused, showing the difference, when someone changed the setting since it was registered, unless --force.")

    @Argument(help: "The trigger, in any dialect (newSms, new_sms); optional with --id.")
    var trigger: String?

    @Option(help: "The number it is registered on (E.164, or its PN… SID).")
    var number: String?

    @Option(help: "event-streams for the trigger's Event Streams registration.")
    var via: RegisterTriggerCommand.Via?

    @Option(help: "The registration (reg_…), as `triggers registrations` lists it.")
    var id: String?

    @Flag(help: "Put back the previous settings even though someone changed them since.")
    var force = false

    @OptionGroup var options: RegistrarOptions

    func validate() throws {
        guard id != nil || (trigger != nil && (number != nil || via == .eventStreams)) else {
            throw ValidationError("Give the trigger and --number +1… (or --via event-streams), or --id reg_…")
        }
    }

    func run() async throws {
        try await options.withRegistrar { registrar throws(RegistrationError) in
            var id = self.id ?? ""
            if self.id == nil { id = try await registrar.registration(of: trigger ?? "", at: number.map { .number($0) } ?? .eventStreams).id }
            let removed = try await registrar.unregister(id: id, force: force)
            try? options.print(removed, "Unregistered")
        }
    }
}
