import Foundation
import Synchronization

/// Removes secrets from text before it is logged: every registered secret (Auth Token, API
/// secret, API tokens, webhook keys), credentials written into URLs (`https://user:pass@host`),
/// and the value of `Authorization` headers. Log handlers pass every message and metadata value
/// through it, so a careless log line cannot leak one either.
public final class SecretRedactor: Sendable {
    /// The process-wide redactor the log handlers use.
    public static let shared = SecretRedactor()

    private let secrets = Mutex<[String]>([])
    private static let replacement = "<redacted>"
    // `scheme://user:password@` and `Authorization: Basic|Bearer <value>`.
    private static let patterns: [NSRegularExpression] = [
        #"(?<=://)[^/\s:@]+:[^/\s@]+(?=@)"#,
        #"(?i)(?<=\b(basic|bearer) )[A-Za-z0-9+/=._~-]{8,}"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    /// Registers secrets to remove (short ones, under 6 characters, would redact ordinary words and are ignored).
    public func register(_ values: [String]) {
        let useful = values.filter { $0.count >= 6 }
        secrets.withLock { $0 = Array(Set($0 + useful)).sorted { $0.count > $1.count } }
    }

    /// `text` without secrets.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets.withLock({ $0 }) where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.replacement)
        }
        guard result.contains("@") || result.lowercased().contains("basic ") || result.lowercased().contains("bearer ") else { return result }
        for pattern in Self.patterns {
            result = pattern.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: Self.replacement)
        }
        return result
    }
}
