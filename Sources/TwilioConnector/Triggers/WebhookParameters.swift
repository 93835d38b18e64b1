import TwilioKit

/// The parameters of one request Twilio made (a form body, or a JSON body's top-level fields),
/// in the order received.
public struct WebhookParameters: Sendable {
    /// The key of the media list synthesised from `MediaUrl{N}` and `MediaContentType{N}`.
    static let mediaKey = "_media"

    /// Every parameter, in order.
    public let items: [(name: String, value: String)]

    /// Creates parameters.
    public init(_ items: [(name: String, value: String)]) {
        self.items = items
    }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// The parameters as a model for ``OutputField`` to read: each value as a string, and the
    /// attached media as `[{url, contentType}]` under ``mediaKey``.
    var model: [String: JSONValue] {
        var model: [String: JSONValue] = [:]
        for (name, value) in items where model[name] == nil { model[name] = .string(value) }
        let count = self["NumMedia"].flatMap { Int($0) } ?? 0
        model[Self.mediaKey] = .array((0..<max(0, min(count, 10))).compactMap { index in
            guard let url = self["MediaUrl\(index)"] else { return nil }
            return ["url": .string(url), "contentType": self["MediaContentType\(index)"].map(JSONValue.string) ?? .null]
        })
        return model
    }
}
