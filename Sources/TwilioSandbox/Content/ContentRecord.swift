import Foundation
import TwilioKit

/// A Content template (`HX…`): a message with `{{n}}` variables, in one or more content types.
struct ContentRecord: StoredRecord {
    static let kind = "content"

    let sid: String
    let accountSID: String
    let friendlyName: String
    let language: String
    /// The variables' default values: a JSON object of strings.
    let variables: SandboxJSON
    /// The content per type (`twilio/text`, `twilio/media`, …), as given.
    let types: SandboxJSON
    let dateCreated: Date
    /// Its WhatsApp approval request; `nil` until it is submitted (``WhatsAppApproval/unsubmitted``).
    var whatsAppApproval: WhatsAppApproval?

    /// The WhatsApp approval as the Content API reports it.
    var approval: WhatsAppApproval { whatsAppApproval ?? .unsubmitted }

    /// The names of its content types (`twilio/text`, …), in the order given.
    var typeNames: [String] {
        guard case .object(let fields) = types else { return [] }
        return fields.map(\.0)
    }

    /// The resource's absolute URL, as Twilio writes it in `url`.
    var url: String { "https://content.twilio.com/v1/Content/\(sid)" }

    /// Twilio's JSON for the resource, every field present.
    var json: SandboxJSON {
        let date = SandboxJSON.string(TwilioDateFormat.iso8601String(from: dateCreated))
        return .object([
            ("sid", .string(sid)),
            ("account_sid", .string(accountSID)),
            ("friendly_name", .string(friendlyName)),
            ("language", .string(language)),
            ("variables", variables),
            ("types", types),
            ("url", .string(url)),
            ("date_created", date),
            ("date_updated", date),
            ("links", .object([("approval_create", .string(url + "/ApprovalRequests/whatsapp")),
                               ("approval_fetch", .string(url + "/ApprovalRequests"))])),
        ])
    }

    /// The Content API's `approval_fetch` resource: the WhatsApp approval of the template.
    var approvalFetchJSON: SandboxJSON {
        guard case .object(var whatsapp) = approval.json else { return .null }
        whatsapp.insert(("type", "whatsapp"), at: 0)
        return .object([
            ("sid", .string(sid)),
            ("account_sid", .string(accountSID)),
            ("whatsapp", .object(whatsapp)),
            ("url", .string(url + "/ApprovalRequests")),
        ])
    }

    /// An item of ContentAndApprovals: the resource with its `approval_requests`.
    var withApprovalsJSON: SandboxJSON {
        guard case .object(var fields) = json else { return json }
        fields.removeAll { $0.0 == "url" || $0.0 == "links" }
        fields.append(("approval_requests", approval.json))
        return .object(fields)
    }
}
