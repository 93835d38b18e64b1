import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import TwilioKit

/// Posts webhooks the way Twilio does: form-encoded, signed with the account's Auth Token
/// (`X-Twilio-Signature`), with an `I-Twilio-Idempotency-Token`, and records each delivery.
struct WebhookDispatcher: Sendable {
    /// One webhook request and what came back.
    struct Delivery: Sendable {
        let url: String
        let method: String
        let parameters: [(String, String)]
        let signature: String
        let idempotencyToken: String
        let status: Int?
        let responseBody: String
        let contentType: String?
        let date: Date

        var json: SandboxJSON {
            .object([
                ("url", .string(url)), ("method", .string(method)),
                ("parameters", .object(parameters.map { ($0.0, .string($0.1)) })),
                ("signature", .string(signature)), ("idempotency_token", .string(idempotencyToken)),
                ("response_status", .optional(status)), ("response_body", .string(responseBody)),
                ("date", .string(TwilioDateFormat.iso8601String(from: date))),
            ])
        }
    }

    let accounts: AccountDirectory
    let log: EventLog
    let httpClient: HTTPClient
    let logger: Logger

    /// Sends a webhook and returns the delivery (its status is `nil` when the URL did not answer).
    @discardableResult
    func send(_ url: String, method: String = "POST", parameters: [(String, String)], accountSID: String,
              timeout: Duration = .seconds(15)) async -> Delivery {
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
        var contentType: String?
        do {
            let response = try await httpClient.execute(request, timeout: .init(timeout))
            status = Int(response.status.code)
            contentType = response.headers.first(name: "Content-Type")
            var buffer = try await response.body.collect(upTo: 1 << 20)
            body = buffer.readString(length: buffer.readableBytes) ?? ""
        } catch {
            logger.info("webhook got no answer", metadata: ["url": "\(url)", "error": "\(error)"])
        }
        let delivery = Delivery(url: url, method: method.uppercased(), parameters: parameters, signature: signature,
                                idempotencyToken: idempotencyToken, status: status, responseBody: body,
                                contentType: contentType, date: Date())
        await log.record(delivery)
        return delivery
    }
}

extension FormParameters {
    init(_ pairs: [(String, String)]) {
        self.init()
        for (name, value) in pairs { add(name, value) }
    }
}
