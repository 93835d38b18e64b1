import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// Runs `application` until SIGINT or SIGTERM, then shuts down gracefully: requests in flight get
/// `grace` to finish before they are cancelled. A second signal stops the process at once, saying
/// on standard error what was cut short.
public func runServer(_ application: some ApplicationProtocol, grace: Duration, inFlight: InFlightRequests, logger: Logger) async throws {
    var configuration = ServiceGroupConfiguration.connector(application, name: "twilio-connector", grace: grace, logger: logger)
    configuration.gracefulShutdownSignals = [.sigterm, .sigint]
    let group = ServiceGroup(configuration: configuration)
    let secondSignal = Task {
        var signals = 0
        for await signal in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
            signals += 1
            guard signals >= 2 else { continue }
            let cut = inFlight.descriptions
            let summary = cut.isEmpty ? "nothing was in flight" : "cut short: " + cut.joined(separator: ", ")
            FileHandle.standardError.write(Data("Second \(signal): stopping now; \(summary).\n".utf8))
            exit(130)
        }
    }
    defer { secondSignal.cancel() }
    try await group.run()
}

extension ServiceGroupConfiguration {
    /// A group running `application` alone, as `name`, whose graceful shutdown lasts at most
    /// `grace` (then what is left is cancelled). Named: a service's default name is its
    /// description, reflected field by field (the whole router) at start-up.
    static func connector(_ application: some Service, name: String, grace: Duration, logger: Logger) -> ServiceGroupConfiguration {
        var configuration = ServiceGroupConfiguration(services: [.init(service: application, serviceName: name)], logger: logger)
        configuration.maximumGracefulShutdownDuration = grace
        return configuration
    }
}
