import ArgumentParser
import Foundation
import TwilioConnector
import TwilioKit

/// `twilio-connector triggers registrations`: what is registered where, with what it replaced.
struct RegistrationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registrations", abstract: "List the triggers' registrations: where, the URL, and the settings they replaced.")

    @OptionGroup var options: RegistrarOptions

    func run() async throws {
        try await options.withRegistrar { registrar throws(RegistrationError) in
            let registrations = try await registrar.registrations()
            let text: String
            if options.printsJSON {
                text = JSONOutput.encode(JSONValue.array(registrations.map(\.json)))
            } else if registrations.isEmpty {
                text = "No registrations."
            } else {
                text = registrations.map { registration in
                    """
                    \(registration.id)  \(registration.trigger)  \(registration.location)
                      url       \(registration.url)
                      previous  \(registration.previousDescription)
                    """
                }.joined(separator: "\n")
            }
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }
}
