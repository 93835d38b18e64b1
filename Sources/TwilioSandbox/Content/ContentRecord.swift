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
}
