import ArgumentParser
import Foundation

/// How `serve` authenticates engines and agents.
struct SecurityOptions: ParsableArguments {
    @Option(name: .customLong("api-token"), parsing: .singleValue,
            help: "A bearer token engines and agents must send (repeat to accept several while rotating; also TWILIO_CONNECTOR_API_TOKEN, comma-separated).")
    var apiTokens: [String] = []

    @Flag(name: .customLong("insecure-no-auth"), help: "Serve without an API token on a non-loopback address (anyone who can reach it can send messages).")
    var insecureNoAuth = false

    /// The tokens from the options and the environment.
    var resolvedTokens: [String] {
        let fromEnvironment = (ProcessInfo.processInfo.environment["TWILIO_CONNECTOR_API_TOKEN"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return (apiTokens + fromEnvironment).filter { !$0.isEmpty }
    }

    func validate() throws {
        for token in apiTokens where token.count < 16 || token.contains(where: \.isWhitespace) {
            throw ValidationError("--api-token must be at least 16 characters with no spaces (generate one with: openssl rand -hex 32)")
        }
    }

    /// Refuses to expose the server with no token, unless told to.
    func check(host: String, isLoopback: Bool) throws {
        guard !isLoopback, resolvedTokens.isEmpty else { return }
        guard insecureNoAuth else {
            throw ValidationError("""
                Refusing to listen on \(host) without an API token: anyone who can reach it could send messages and calls \
                on your account. Pass --api-token (or TWILIO_CONNECTOR_API_TOKEN), or --insecure-no-auth to accept the risk.
                """)
        }
        FileHandle.standardError.write(Data("warning: serving on \(host) with no API token (--insecure-no-auth): anyone who can reach it can use your Twilio account.\n".utf8))
    }
}
