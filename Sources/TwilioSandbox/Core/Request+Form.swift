import Foundation
import Hummingbird
import NIOCore
import TwilioKit

extension Request {
    /// The form body (`application/x-www-form-urlencoded`), read up to `limit` bytes.
    func form(limit: Int = 1 << 20) async throws -> FormParameters {
        var body = try await self.body.collect(upTo: limit)
        let text = body.readString(length: body.readableBytes) ?? ""
        return FormParameters.decode(text)
    }

    /// A form body, or a flat JSON object read as one (`{"To": "+1…", "Digits": ["1", "2"]}`): what
    /// the inspection API takes.
    func flexibleForm() async throws -> FormParameters {
        guard headers[.contentType]?.hasPrefix("application/json") == true else { return try await form() }
        var body = try await self.body.collect(upTo: 1 << 20)
        let data = Data(body.readBytes(length: body.readableBytes) ?? [])
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SandboxError(.badRequest, code: 20001, "The body is not a JSON object")
        }
        var form = FormParameters()
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            let values = (value as? [Any]) ?? [value]
            for element in values { form.add(key, "\(element)") }
        }
        return form
    }

    /// The query string's parameters.
    var query: FormParameters {
        FormParameters.decode(uri.query ?? "")
    }
}
