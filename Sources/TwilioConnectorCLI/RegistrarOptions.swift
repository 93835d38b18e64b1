import ArgumentParser
import ConnectorStore
import Foundation
import TwilioConnector
import TwilioKit

/// What `triggers register|unregister|registrations` work with: the Twilio connection (or the
/// embedded sandbox), the store that keeps the registrations, and the URL Twilio reaches the
/// connector at.
struct RegistrarOptions: ParsableArguments {
    @Option(name: .customLong("public-url"),
            help: ArgumentHelp("The connector's public base URL as Twilio reaches it, e.g. https://hooks.example.com or an ngrok URL (also TWILIO_CONNECTOR_PUBLIC_URL); required against Twilio. With the embedded sandbox, \(Self.sandboxServeURL) (serve's default).",
                               valueName: "url"))
    var publicURL: String?

    @Option(help: "Output format: text or json (default: text on a terminal, json otherwise).")
    var output: RunCommand.OutputFormat?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var store: StoreOptions

    /// Where `serve` listens by default, which the embedded sandbox reaches.
    static let sandboxServeURL = "http://127.0.0.1:8080"

    func validate() throws {
        try PublicURL.validate(PublicURL.resolve(publicURL))
    }

    /// Whether to print JSON.
    var printsJSON: Bool {
        (output ?? (isatty(STDOUT_FILENO) == 1 ? .text : .json)) == .json
    }

    /// Runs `body` with a registrar, closing the store and the embedded sandbox afterwards; a
    /// refusal is printed on standard error and exits 1.
    func withRegistrar(_ body: (Registrar) async throws(RegistrationError) -> Void) async throws {
        let (configuration, sandbox) = try await connection.resolve()
        let store = try await self.store.open()
        let base = PublicURL.resolve(publicURL) ?? (sandbox != nil ? Self.sandboxServeURL : nil)
        let registrar = Registrar(client: TwilioClient(configuration: configuration), store: store, webhookBaseURL: { base })
        var failure: RegistrationError?
        do { try await body(registrar) } catch { failure = error }
        await store.close()
        await sandbox?.stop()
        if let failure {
            FileHandle.standardError.write(Data("Error: \(failure)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Prints `registration`: JSON, or lines of text after `headline`.
    func print(_ registration: Registration, _ headline: String) throws {
        let text = printsJSON ? JSONOutput.encode(registration.json) : """
            \(headline) \(registration.trigger) \(registration.kind == .eventStreams ? "on" : "at") \(registration.location) (\(registration.id))
              url       \(registration.url)
              previous  \(registration.previousDescription)
            """
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
