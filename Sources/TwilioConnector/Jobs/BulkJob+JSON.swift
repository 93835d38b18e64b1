import ConnectorStore
import TwilioKit

extension BulkJob {
    /// The job as `GET /jobs/<id>` and `twilio-connector jobs status` show it: status, counts,
    /// progress, and the lease of the chunk being worked on (its owner names the instance).
    public var json: JSONValue {
        func number(_ value: Int) -> JSONValue { .number(Double(value)) }
        var fields: [String: JSONValue] = [
            "id": .string(id), "kind": .string(kind), "status": .string(status.rawValue),
            "createdAt": .string(TwilioDateFormat.iso8601String(from: createdAt)),
            "updatedAt": .string(TwilioDateFormat.iso8601String(from: updatedAt)),
            "total": number(counts.total), "completed": number(counts.finished),
            "progress": .number(counts.total == 0 ? 1 : Double(counts.finished) / Double(counts.total)),
            "counts": ["pending": number(counts.pending), "sending": number(counts.sending), "sent": number(counts.sent),
                       "failed": number(counts.failed), "canceled": number(counts.canceled)],
        ]
        if let lease {
            fields["lease"] = ["owner": .string(lease.owner), "expiresAt": .string(TwilioDateFormat.iso8601String(from: lease.expiresAt))]
        }
        return .object(fields)
    }
}
