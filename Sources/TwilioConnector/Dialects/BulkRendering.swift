import TwilioKit

/// A bulk send's output, the same in every dialect: totals and every recipient.
enum BulkRendering {
    static func fields(_ report: BulkSendReport) -> [String: JSONValue] {
        func number(_ value: Int) -> JSONValue { .number(Double(value)) }
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        var fields: [String: JSONValue] = [
            "sentCount": number(report.sentCount), "failedCount": number(report.failedCount),
            "invalidCount": number(report.invalidCount), "duplicateCount": number(report.duplicateCount),
            "messagesPerSecond": .number(report.messagesPerSecond),
            "recipients": .array(report.recipients.map { recipient in
                ["given": .string(recipient.given), "to": optional(recipient.to), "messageSid": optional(recipient.messageSid),
                 "status": optional(recipient.status), "error": optional(recipient.error),
                 "errorCode": recipient.errorCode.map { .number(Double($0)) } ?? .null,
                 "mayHaveBeenSent": .bool(recipient.mayHaveBeenSent)]
            }),
        ]
        if let jobID = report.jobID { fields["jobId"] = .string(jobID) }
        if let jobStatus = report.jobStatus { fields["jobStatus"] = .string(jobStatus) }
        if report.failedCount > 0 {
            fields["success"] = false
            let uncertain = report.recipients.filter(\.mayHaveBeenSent).count
            fields["error"] = .string("\(report.failedCount) of \(report.recipients.count) recipients were not sent"
                + (uncertain > 0 ? " (\(uncertain) may have been sent: no answer came; they are not resent)" : "")
                + "; see recipients.")
        }
        return fields
    }

    static let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "sentCount": ["type": "integer"], "failedCount": ["type": "integer"], "invalidCount": ["type": "integer"],
            "duplicateCount": ["type": "integer"], "messagesPerSecond": ["type": "number"],
            "jobId": ["type": "string", "description": "The durable job (with the connector's store): GET /jobs/<id>."],
            "jobStatus": ["type": "string", "enum": ["running", "completed", "canceled"]],
            "recipients": ["type": "array", "items": ["type": "object", "properties": [
                "given": ["type": "string"], "to": ["type": ["string", "null"]], "messageSid": ["type": ["string", "null"]],
                "status": ["type": ["string", "null"]], "error": ["type": ["string", "null"]],
                "errorCode": ["type": ["integer", "null"]], "mayHaveBeenSent": ["type": "boolean"],
            ]]],
        ],
    ]
}
