import Crypto
import Foundation

/// The primitives shared by webhook signers and verifiers: base64 HMACs, lowercase hex digests,
/// and comparisons whose time does not depend on where two values differ.
public enum WebhookCrypto {
    /// The HMAC of `message` under `key`, with hash function `Hash`.
    static func hmac<Hash: HashFunction>(_ hash: Hash.Type, key: [UInt8], message: some Sequence<UInt8>) -> [UInt8] {
        Array(HMAC<Hash>.authenticationCode(for: Array(message), using: SymmetricKey(data: key)))
    }

    /// The standard base64 (padded) HMAC of `message` under `key`, with hash function `Hash`.
    static func base64HMAC<Hash: HashFunction>(_ hash: Hash.Type, key: [UInt8], message: some Sequence<UInt8>) -> String {
        Data(hmac(hash, key: key, message: message)).base64EncodedString()
    }

    /// The lowercase hex SHA-256 digest of `bytes`.
    static func hexSHA256(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Compares two byte sequences in time that depends only on their lengths.
    public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }

    /// Compares two strings' UTF-8 bytes in time that depends only on their lengths (secrets:
    /// signatures, API tokens).
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        constantTimeEquals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
