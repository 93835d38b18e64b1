/// A template's WhatsApp approval request, as the Content API reports it (`approval_create`, the
/// `whatsapp` object of `approval_fetch`, `approval_requests` of ContentAndApprovals). A template
/// that was never submitted has none: it is ``unsubmitted``.
struct WhatsAppApproval: Codable, Sendable, Equatable {
    /// Where the request stands (Content API, lowercase): Twilio's `received` → WhatsApp's
    /// `pending` review → `approved` or `rejected`; an approved template can later be `paused` or
    /// `disabled` by WhatsApp.
    enum Status: String, Codable, Sendable, CaseIterable {
        case unsubmitted, received, pending, approved, rejected, paused, disabled
    }

    /// The categories WhatsApp reviews a template under.
    static let categories = ["UTILITY", "MARKETING", "AUTHENTICATION"]

    /// The template's name on WhatsApp.
    var name: String
    /// `UTILITY`, `MARKETING` or `AUTHENTICATION`.
    var category: String
    /// The content type submitted (`twilio/text`, `twilio/quick-reply`, …).
    var contentType: String
    var status: Status
    /// WhatsApp's reason, for a rejected template.
    var rejectionReason: String
    var allowCategoryChange: Bool

    /// The request for `template` submitted as `name` in `category`, standing at `status`: the
    /// content type is the one WhatsApp would send.
    init(submitting template: ContentRecord, name: String, category: String, status: Status) {
        self.init(name: name, category: category, contentType: ContentChannel.whatsapp.pick(from: template.typeNames) ?? "",
                  status: status, rejectionReason: "", allowCategoryChange: true)
    }

    /// An approval request with every field given.
    init(name: String, category: String, contentType: String, status: Status, rejectionReason: String, allowCategoryChange: Bool) {
        self.name = name
        self.category = category
        self.contentType = contentType
        self.status = status
        self.rejectionReason = rejectionReason
        self.allowCategoryChange = allowCategoryChange
    }

    /// The state of a template never submitted.
    static let unsubmitted = WhatsAppApproval(name: "", category: "", contentType: "", status: .unsubmitted,
                                              rejectionReason: "", allowCategoryChange: true)

    /// The approval's fields, as the Content API writes them.
    var json: SandboxJSON {
        .object([
            ("name", .string(name)),
            ("category", .string(category)),
            ("content_type", .string(contentType)),
            ("status", .string(status.rawValue)),
            ("rejection_reason", .string(rejectionReason)),
            ("allow_category_change", .bool(allowCategoryChange)),
        ])
    }
}
