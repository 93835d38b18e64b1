import Foundation

/// The templates every sandbox starts with, in its main account: a text with variables, a media
/// message, a quick reply (with a text fallback) and a WhatsApp card, all approved for WhatsApp
/// (category `UTILITY`), so they reach people outside the 24-hour window. Their SIDs derive from the
/// account and the name, so a README or a workflow can name them.
enum DemoContent {
    /// The demo templates of `accountSID`, created a minute apart before `now`, oldest first.
    static func make(accountSID: String, now: Date) -> [ContentRecord] {
        let owl = "https://demo.twilio.com/owl.png"
        let templates: [(String, SandboxJSON, SandboxJSON)] = [
            ("order_shipped", ["1": "Jamie", "2": "4417"],
             ["twilio/text": ["body": "Hi {{1}}, your order {{2}} has shipped and is on its way."]]),
            ("product_photo", ["1": "running shoe"],
             ["twilio/media": ["body": "Here is the {{1}} you asked about.", "media": [.string(owl)]]]),
            ("appointment_reminder", ["1": "Jamie", "2": "May 3 at 10:00"],
             [
                "twilio/quick-reply": [
                    "body": "Hi {{1}}, can you confirm your appointment on {{2}}?",
                    "actions": [["title": "Confirm", "id": "confirm"], ["title": "Reschedule", "id": "reschedule"],
                                ["title": "Cancel", "id": "cancel"]],
                ],
                "twilio/text": ["body": "Hi {{1}}, reply C to confirm your appointment on {{2}}, or R to reschedule."],
             ]),
            ("order_card", ["1": "4417"],
             ["whatsapp/card": [
                "body": "Your order {{1}} is on its way.",
                "footer": "Owl Shoes",
                "media": [.string(owl)],
                "actions": [["type": "URL", "title": "Track order", "url": "https://example.com/track/{{1}}"],
                            ["type": "PHONE_NUMBER", "title": "Call us", "phone": "+14155550100"]],
             ]]),
        ]
        return templates.enumerated().map { offset, template in
            var record = ContentRecord(sid: SID.derived("HX", from: accountSID + "/" + template.0), accountSID: accountSID, friendlyName: template.0, language: "en",
                                       variables: template.1, types: template.2,
                                       dateCreated: now.addingTimeInterval(Double(offset - templates.count) * 60))
            record.whatsAppApproval = WhatsAppApproval(submitting: record, name: template.0, category: "UTILITY", status: .approved)
            return record
        }
    }
}
