import Foundation
import Logging
import TwilioKit

/// Posts webhooks the way Twilio does — form-encoded, or JSON (Event Streams' CloudEvents) with
/// the body's `bodySHA256` in the URL — signed with the account's Auth Token
/// (`X-Twilio-Signature`), and records each delivery.
struct WebhookDispatcher: Sendable {
    /// Whose Auth Token signs each account's webhooks.
    let accounts: AccountDirectory
    /// Where each delivery is recorded.
    let log: WebhookLog
    /// What webhooks go out on: by default ``sharedTransport``.
    var transport: any TwilioHTTPTransport = Self.sharedTransport
    /// Where a webhook that got no answer is logged.
    let logger: Logger

    /// How long Twilio waits for a webhook's answer.
    static let timeout = Duration.seconds(15)
    /// How long Twilio waits for a webhook's connection (the default of its `#ct` connection override).
    static let connectTimeout = Duration.seconds(5)

    /// The transport webhooks go out on. A URL that refuses the connection (or is unreachable)
    /// fails as soon as the attempt does, within ``connectTimeout``, as Twilio reports it (error
    /// 11200), never retried until the request's ``timeout`` (which would hold up whatever waits
    /// for the webhook — such as a handset's text to a number whose SmsUrl is down); an answer is
    /// read up to 1 MiB. Process-wide, no shutdown needed.
    static let sharedTransport = HTTP1Transport(pool: HTTP1ConnectionPool(connectTimeout: connectTimeout), maximumResponseBytes: 1 << 20)

    /// Sends a webhook and returns the delivery (its status is `nil` when the URL did not answer).
    @discardableResult
    func send(_ url: String, method: String = "POST", parameters: [(String, String)], accountSID: String) async -> WebhookDelivery {
        let validator = TwilioRequestValidator(authToken: await accounts.authToken(of: accountSID) ?? "")
        let isGET = method.uppercased() == "GET"
        let form = FormParameters(parameters)
        let target = isGET ? url + (url.contains("?") ? "&" : "?") + form.encoded : url
        let signature = isGET ? validator.signature(url: target) : validator.signature(url: url, parameters: parameters)
        var request = TwilioHTTPRequest(method: isGET ? .get : .post, url: target, headers: [(name: "X-Twilio-Signature", value: signature)])
        if !isGET {
            request.headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8"))
            request.body = form.encodedBytes
        }
        let sent = Outgoing(accountSID: accountSID, url: url, method: method.uppercased(), parameters: parameters, body: nil, signature: signature)
        return await deliver(request, sent, idempotent: true)
    }

    /// Posts `body` (JSON) to `url` as Event Streams delivers to a webhook sink: `bodySHA256`
    /// appended to the URL, which alone is signed.
    @discardableResult
    func sendJSON(_ url: String, body: [UInt8], accountSID: String) async -> WebhookDelivery {
        let signer = TwilioRequestSigner(authToken: await accounts.authToken(of: accountSID) ?? "")
        let (signedURL, headers) = signer.signedJSONRequest(url: url, body: body)
        let request = TwilioHTTPRequest(method: .post, url: signedURL, headers: headers + [(name: "Content-Type", value: "application/json")],
                                        body: body)
        let signature = headers.first { $0.name == TwilioRequestSigner.signatureHeader }?.value ?? ""
        let sent = Outgoing(accountSID: accountSID, url: signedURL, method: "POST", parameters: [],
                            body: String(decoding: body, as: UTF8.self), signature: signature)
        return await deliver(request, sent, idempotent: false)
    }

    /// What was sent, for the log.
    private struct Outgoing {
        let accountSID: String
        let url: String
        let method: String
        let parameters: [(String, String)]
        let body: String?
        let signature: String
    }

    /// Sends `request` with the headers every Twilio webhook has, and records the delivery.
    private func deliver(_ request: TwilioHTTPRequest, _ sent: Outgoing, idempotent: Bool) async -> WebhookDelivery {
        var request = request
        let idempotencyToken = sent.accountSID + "-" + UUID().uuidString.lowercased()
        if idempotent { request.headers.append((name: "I-Twilio-Idempotency-Token", value: idempotencyToken)) }
        request.headers.append((name: "User-Agent", value: "TwilioProxy/1.1"))
        request.headers.append((name: "Accept", value: "*/*"))
        var status: Int?
        var body = ""
        do {
            let response = try await transport.execute(request, timeout: Self.timeout)
            status = response.status
            body = String(decoding: response.body, as: UTF8.self)
        } catch {
            logger.info("webhook got no answer", metadata: ["url": "\(sent.url)", "error": "\(error.reason)"])
        }
        let delivery = WebhookDelivery(accountSID: sent.accountSID, url: sent.url, method: sent.method, parameters: sent.parameters,
                                       body: sent.body, signature: sent.signature, idempotencyToken: idempotent ? idempotencyToken : "",
                                       status: status, responseBody: body, date: Date())
        await log.record(delivery)
        return delivery
    }
}

private extension FormParameters {
    /// A form of `pairs`, in order.
    init(_ pairs: [(String, String)]) {
        self.init()
        for (name, value) in pairs { add(name, value) }
    }
}
