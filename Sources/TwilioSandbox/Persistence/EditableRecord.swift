import Foundation
import TwilioKit

/// A record whose create and update forms it applies itself, with Twilio's validation: an
/// Application, a Messaging Service, a Verify Service.
protocol EditableRecord: StoredRecord {
    /// When the record last changed.
    var dateUpdated: Date { get set }
    /// Applies the parameters of a create or update form; a value Twilio refuses throws its error.
    mutating func apply(_ form: FormParameters) throws(SandboxError)
}

extension ResourceStore where Record: EditableRecord {
    /// Creates `record` as `form` sets it up, and stores it.
    func create(_ record: Record, with form: FormParameters) throws(SandboxError) -> Record {
        var record = record
        try record.apply(form)
        save(record)
        return record
    }

    /// Updates `record` as `form` says, and stores it.
    func update(_ record: Record, with form: FormParameters) throws(SandboxError) -> Record {
        var record = record
        try record.apply(form)
        record.dateUpdated = Date()
        save(record)
        return record
    }
}
