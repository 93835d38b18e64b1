import Foundation
import TwilioKit

/// The statements of trigger registrations and sink tests, written once for both backends.
extension StoreSQL {
    static let registrationColumns = "id, trigger, kind, slot, resource_sid, phone_number, field, url, previous, applied, created_at"
    /// How many sink test ids are kept.
    static let sinkTestsKept = 100

    /// Inserts `registration` unless its slot is taken; returns its id when inserted.
    static func claimRegistration(_ registration: Registration) -> StoreStatement {
        StoreStatement("""
            INSERT INTO registrations (\(registrationColumns)) VALUES \(StoreStatement.placeholders(11))
            ON CONFLICT (slot) DO NOTHING RETURNING id
            """, [
                .text(registration.id), .text(registration.trigger), .text(registration.kind.rawValue), .text(registration.slot),
                .text(registration.resourceSid), StoreValue(registration.phoneNumber), .text(registration.field), .text(registration.url),
                .text(registration.previous.compactText), .text(registration.applied.compactText), StoreValue(registration.createdAt),
            ])
    }

    static func registration(slot: String) -> StoreStatement {
        StoreStatement("SELECT \(registrationColumns) FROM registrations WHERE slot = ?", [.text(slot)])
    }

    static func registration(id: String) -> StoreStatement {
        StoreStatement("SELECT \(registrationColumns) FROM registrations WHERE id = ?", [.text(id)])
    }

    static let registrations = StoreStatement("SELECT \(registrationColumns) FROM registrations ORDER BY created_at, id")

    static func updateRegistration(_ registration: Registration) -> StoreStatement {
        StoreStatement("UPDATE registrations SET resource_sid = ?, url = ?, previous = ?, applied = ? WHERE id = ? RETURNING id", [
            .text(registration.resourceSid), .text(registration.url), .text(registration.previous.compactText),
            .text(registration.applied.compactText), .text(registration.id),
        ])
    }

    static func deleteRegistration(id: String) -> StoreStatement {
        StoreStatement("DELETE FROM registrations WHERE id = ? RETURNING id", [.text(id)])
    }

    /// Records a sink test id (once), and forgets all but the latest ``sinkTestsKept``.
    static func recordSinkTest(id: String, receivedAt: Date) -> [StoreStatement] {
        [StoreStatement("INSERT INTO sink_tests (test_id, received_at) VALUES (?, ?) ON CONFLICT (test_id) DO NOTHING",
                        [.text(id), StoreValue(receivedAt)]),
         StoreStatement("DELETE FROM sink_tests WHERE position <= (SELECT MAX(position) FROM sink_tests) - ?",
                        [StoreValue(sinkTestsKept)])]
    }

    static func sinkTests(limit: Int) -> StoreStatement {
        StoreStatement("SELECT test_id FROM sink_tests ORDER BY position DESC LIMIT ?", [StoreValue(limit)])
    }
}

extension StoreRecord {
    func registration() throws(StoreError) -> Registration {
        guard let kind = Registration.Kind(rawValue: try text("kind")) else { throw StoreError("a registration's kind is unreadable") }
        return Registration(
            id: try text("id"), trigger: try text("trigger"), kind: kind, slot: try text("slot"), resourceSid: try text("resource_sid"),
            phoneNumber: try optionalText("phone_number"), field: try text("field"), url: try text("url"),
            previous: try json("previous"), applied: try json("applied"), createdAt: try date("created_at"))
    }
}
