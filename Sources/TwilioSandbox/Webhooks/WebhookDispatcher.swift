import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import TwilioKit

/// Posts webhooks the way Twilio does: form-encoded, signed with the account's Auth Token
/// (`X-Twilio-Signature`), with an `I-Twilio-Idempotency-Token`, and records each delivery.
struct WebhookDispatcher: Sendable {
    /// Whose Auth Token signs each account's webhooks.
    let accounts: AccountDirectory
    /// Where each delivery is recorded.
    let log: WebhookLog
    let httpClient: HTTPClient
    /// Where a webhook that got no answer is logged.
    let logger: Logger

    /// How long Twilio waits for a webhook's answer.
    static let timeout = Duration.seconds(15)

    /// Sends a webhook and returns the delivery (its status is `nil` when the URL did not answer).
    @discardableResult
    func send(_ url: String, method: String = "POST", parameters: [(String, String)], accountSID: String) async -> WebhookDelivery {
        let token = await accounts.authToken(of: accountSID) ?? ""
        let validator = TwilioRequestValidator(authToken: token)
        let isGET = method.uppercased() == "GET"
        let form = FormParameters(parameters)
        let target = isGET ? url + (url.contains("?") ? "&" : "?") + form.encoded : url
        let signature = isGET ? validator.signature(url: target) : validator.signature(url: url, parameters: parameters)
        let idempotencyToken = accountSID + "-" + UUID().uuidString.lowercased()

        var request = HTTPClientRequest(url: target)
        request.method = isGET ? .GET : .POST
        request.headers.add(name: "X-Twilio-Signature", value: signature)
        request.headers.add(name: "I-Twilio-Idempotency-Token", value: idempotencyToken)
        request.headers.add(name: "User-Agent", value: "TwilioProxy/1.1")
        request.headers.add(name: "Accept", value: "*/*")
        if !isGET {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
            request.body = .bytes(ByteBuffer(string: form.encoded))
        }
        var status: Int?
        var body = ""
        do {
            let response = try await httpClient.execute(request, timeout: .init(Self.timeout))
            status = Int(response.status.code)
            var buffer = try await response.body.collect(upTo: 1 << 20)
            body = buffer.readString(length: buffer.readableBytes) ?? ""
        } catch {
            logger.info("webhook got no answer", metadata: ["url": "\(url)", "error": "\(error)"])
        }
        let delivery = WebhookDelivery(url: url, method: method.uppercased(), parameters: parameters, signature: signature,
                                       idempotencyToken: idempotencyToken, status: status, responseBody: body, date: Date())
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
