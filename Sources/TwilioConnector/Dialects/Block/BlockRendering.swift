import TwilioKit

/// The block dialect's flat outputs: the fields of seed 000's tables, every one present.
enum BlockRendering {
    /// `fields` read from the model's camelCase fields.
    static func flat<Model: Encodable & SendableMetatype>(_ fields: [OutputField]) -> @Sendable (Model) -> [String: JSONValue] {
        { model in fields.project(ModelRendering.camelCase(model)) }
    }

    /// twilio_send_sms: the bulk send's fields (totals, `success` false unless every number was sent),
    /// every number under `results`, and the first sent one's flat fields.
    static func sms(_ report: BulkSendReport) -> [String: JSONValue] {
        let results = report.recipients.map { recipient -> [String: JSONValue] in
            var fields = BlockOutputs.smsRecipient.project([
                "messageId": recipient.messageSid.map(JSONValue.string) ?? .null, "status": recipient.status.map(JSONValue.string) ?? .null,
                "toNumber": .string(recipient.to ?? recipient.given),
                "fromNumber": recipient.from.map(JSONValue.string) ?? .null,
            ])
            fields["success"] = .bool(recipient.messageSid != nil)
            fields["error"] = recipient.error.map(JSONValue.string) ?? .null
            fields["errorCode"] = recipient.errorCode.map { .number(Double($0)) } ?? .null
            return fields
        }
        let first = results.first { $0["success"] == true } ?? results.first ?? [:]
        var fields = BulkRendering.fields(report).merging(BlockOutputs.smsRecipient.project(first)) { bulk, _ in bulk }
        fields["results"] = .array(results.map(JSONValue.object))
        return fields
    }

    /// twilio_list_calls: the calls (each as twilio_get_call answers), and the page they make.
    static func callList(_ list: ListResult<Call>) -> [String: JSONValue] {
        BlockOutputs.callList.project([
            "calls": .array(list.items.map { .object(BlockOutputs.callDetails.project(ModelRendering.camelCase($0))) }),
            "total": .number(Double(list.items.count)),
            "pageSize": .number(Double(list.pageSize ?? list.items.count)),
            "page": .number(Double(list.page ?? 0)),
            "nextPageUri": list.nextPageURL.map(JSONValue.string) ?? .null,
            "hasMore": .bool(list.hasMore),
        ])
    }

    /// The output's JSON Schema: `success`, `error` and the table's fields with their descriptions.
    static func schema(_ fields: [OutputField]) -> JSONValue {
        var properties: [String: JSONValue] = [
            "success": ["type": "boolean", "description": "Whether the action succeeded"],
            "error": ["type": ["string", "null"], "description": "Error message if the action failed"],
        ]
        for field in fields {
            var property: [String: JSONValue] = ["type": .string(field.type.schemaName)]
            if case .json = field.type { property["type"] = ["object", "array"] }
            if let description = field.description { property["description"] = .string(description) }
            properties[field.name] = .object(property)
        }
        return ["type": "object", "properties": .object(properties)]
    }
}
