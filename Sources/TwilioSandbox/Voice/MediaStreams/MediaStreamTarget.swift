import Foundation
import TwilioKit

/// A `<Connect><Stream>` as Twilio takes it before connecting: where to connect, and what to pass
/// in `start.customParameters`.
///
/// - `track` must be `inbound_track` (31941); the URL must be absolute (31923) with the `wss`
///   scheme (31922) — the sandbox also takes `ws` for local servers.
/// - "The `url` *does not* support query string parameters" (the `<Stream>` docs): Twilio
///   connects without them (Twilio's page for 31920 names a query string as a cause of the
///   application refusing the handshake), so the sandbox drops the query too and says so in the
///   call's log (a `warning` event); pass values with `<Parameter>`.
/// - "The combined length of each `<Parameter>` `name` and `value` attributes must be under 500
///   characters": a longer one is left out, with a 12200 warning.
struct MediaStreamTarget: Sendable, Equatable {
    /// The most characters a `<Parameter>`'s name and value may have together, plus one.
    static let parameterLengthLimit = 500

    /// The URL connected to: the `<Stream url>` without its query string.
    let url: String
    /// The query string the URL had, dropped; `nil` when it had none.
    let droppedQuery: String?
    /// The custom parameters sent in `start`.
    let customParameters: [String: String]
    /// `<Parameter>`s left out (12200).
    let warnings: [MediaStreamError]

    /// Checks `stream`; throws the error Twilio reports when the stream cannot start.
    init(_ stream: TwiML.Stream) throws(MediaStreamError) {
        guard stream.track == .inboundTrack else { throw .invalidTrack(stream.track.rawValue) }
        guard var components = URLComponents(string: stream.url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw .malformedURL(stream.url)
        }
        guard scheme == "wss" || scheme == "ws" else { throw .schemeNotSupported(scheme) }
        droppedQuery = components.percentEncodedQuery.flatMap { $0.isEmpty ? nil : $0 }
        components.percentEncodedQuery = nil
        guard let url = components.string else { throw .malformedURL(stream.url) }
        self.url = url
        var parameters: [String: String] = [:]
        var warnings: [MediaStreamError] = []
        for parameter in stream.parameters {
            let length = parameter.name.count + parameter.value.count
            if length < Self.parameterLengthLimit {
                parameters[parameter.name] = parameter.value
            } else {
                warnings.append(.parameterTooLong(parameter.name, length: length))
            }
        }
        customParameters = parameters
        self.warnings = warnings
    }
}
