import ConnectorVoice
import HTTPTypes
import Logging

/// Decides, before the upgrade, whether a request may open a media stream at
/// `/streams/<workflow>`: the workflow must exist (404 otherwise) and the request must carry
/// Twilio's `X-Twilio-Signature` over the stream's URL (403 otherwise). The signed URL is the one
/// in the TwiML — `wss://` on an `https://` public URL, `ws://` on `http://` — or, since Twilio
/// does not document which scheme it signs, the same URL with the HTTP scheme.
struct StreamAdmission: Sendable {
    /// A refused upgrade: the status and the reason, answered as JSON.
    struct Refusal: Error, Equatable {
        let status: HTTPResponse.Status
        let message: String
    }

    static let pathPrefix = "/streams/"

    let voice: RealtimeCalls?
    let verifier: WebhookVerifier
    let logger: Logger

    /// The workflow a request may stream to, or why not.
    func check(_ request: StreamUpgradeRequest) -> Result<String, Refusal> {
        let path = request.path
        guard path.hasPrefix(Self.pathPrefix) else { return .failure(Refusal(status: .notFound, message: "Not a stream path: \(path)")) }
        let name = String(path.dropFirst(Self.pathPrefix.count))
        guard let voice, voice.catalogue.workflow(named: name) != nil else {
            let names = voice?.workflowNames.joined(separator: ", ") ?? "none: this server runs no real-time workflows"
            return .failure(Refusal(status: .notFound, message: "No real-time workflow is called '\(name)'. The workflows are \(names)."))
        }
        let url = verifier.url(pathAndQuery: request.pathAndQuery, scheme: "http", authority: request.authority, header: request.header)
        let signature = request.header(WebhookVerifier.signatureHeader.rawName)
        let settings = request.header(WebhookVerifier.settingsHeader.rawName)
        var refusal: WebhookVerifier.Refusal?
        for candidate in [StreamURL.webSocket(url), url] {
            switch verifier.verify(signature: signature, settings: settings, url: candidate, body: []) {
            case .success: return .success(name)
            case .failure(let reason): refusal = refusal ?? reason
            }
        }
        let signed = StreamURL.webSocket(url)
        logger.warning("Refused a media stream: \(refusal.map { "\($0)" } ?? "no signature")", metadata: ["url": "\(signed)"])
        return .failure(Refusal(status: .forbidden,
                                message: "The stream request is not signed by Twilio for \(signed): \(refusal.map { "\($0)" } ?? "no signature")."))
    }
}
