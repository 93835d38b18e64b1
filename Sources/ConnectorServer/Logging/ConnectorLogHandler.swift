import Foundation
import Logging

/// The connector's log lines, on standard error: readable text, or one JSON object per line for
/// log shippers. Every message and metadata value passes through the ``SecretRedactor`` first.
public struct ConnectorLogHandler: LogHandler {
    /// How lines are written.
    public enum Format: String, Sendable, CaseIterable {
        /// `2026-12-01T14:00:00Z info twilio-connector: message key=value`
        case text
        /// `{"timestamp": …, "level": …, "label": …, "message": …, "key": value}`
        case json
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: Format
    private let redactor: SecretRedactor

    /// A handler for `label`.
    public init(label: String, level: Logger.Level, format: Format, redactor: SecretRedactor = .shared) {
        self.label = label
        logLevel = level
        self.format = format
        self.redactor = redactor
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let given = event.metadata { merged.merge(given) { _, new in new } }
        let fields = merged.mapValues { redactor.redact("\($0)") }
        let message = redactor.redact("\(event.message)" + (event.error.map { ": \($0)" } ?? ""))
        let timestamp = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        let line: String
        switch format {
        case .text:
            let details = fields.keys.sorted().map { "\($0)=\(fields[$0] ?? "")" }.joined(separator: " ")
            line = "\(timestamp) \(event.level) \(label): \(message)" + (details.isEmpty ? "" : " " + details)
        case .json:
            var object: [String: Any] = fields
            object["timestamp"] = timestamp
            object["level"] = "\(event.level)"
            object["label"] = label
            object["message"] = message
            object["source"] = "\(event.source)"
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
