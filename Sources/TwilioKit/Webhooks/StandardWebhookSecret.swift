import Foundation

/// A Standard Webhooks symmetric secret: random bytes, written `whsec_<base64>`.
///
/// The HMAC key is the decoded bytes (unlike Twilio's signatures, whose key is the UTF-8 text of
/// the secret). The secret never appears in `description`, `debugDescription` or reflection
/// output; ``serialized`` is the one way to read it, to store or share it.
public struct StandardWebhookSecret: Sendable {
    /// The HMAC key.
    let bytes: [UInt8]

    /// The prefix of serialized secrets.
    public static let prefix = "whsec_"

    /// The number of random bytes ``generate()`` uses.
    public static let generatedByteCount = 32

    /// Wraps raw key bytes; `nil` when there are none.
    public init?(bytes: some Sequence<UInt8>) {
        let bytes = Array(bytes)
        guard !bytes.isEmpty else { return nil }
        self.bytes = bytes
    }

    /// Parses a serialized secret: base64 with or without the `whsec_` prefix and with or
    /// without `=` padding, as the reference libraries accept it; `nil` when it is not base64 or
    /// decodes to nothing.
    public init?(_ serialized: String) {
        var base64 = Substring(serialized)
        if base64.hasPrefix(Self.prefix) { base64 = base64.dropFirst(Self.prefix.count) }
        while base64.hasSuffix("=") { base64 = base64.dropLast() }
        let padding = String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64 + padding) else { return nil }
        self.init(bytes: data)
    }

    /// A new secret of ``generatedByteCount`` bytes from the system's secure random source.
    public static func generate() -> StandardWebhookSecret {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A new secret of ``generatedByteCount`` bytes from `generator` (use a secure one outside tests).
    public static func generate(using generator: inout some RandomNumberGenerator) -> StandardWebhookSecret {
        let bytes = (0..<generatedByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return StandardWebhookSecret(rawBytes: bytes)
    }

    /// `whsec_` followed by the bytes in padded base64.
    public var serialized: String {
        Self.prefix + Data(bytes).base64EncodedString()
    }

    private init(rawBytes: [UInt8]) {
        bytes = rawBytes
    }
}

extension StandardWebhookSecret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A description that never includes the secret.
    public var description: String { "StandardWebhookSecret(<redacted>)" }

    /// A debug description that never includes the secret.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` and reflection cannot reveal the secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
