import Foundation
import PostgresNIO

/// Trigger registrations and sink tests in PostgreSQL. A registration's slot is claimed by one
/// statement (`ON CONFLICT (slot) DO NOTHING`), so of two instances racing for it one wins.
extension PostgresStore {
    public func claimRegistration(_ registration: Registration) async throws(StoreError) -> RegistrationClaim {
        let logger = logger
        return try await transaction("storing registration \(registration.id) of \(registration.slot)") { connection -> RegistrationClaim in
            if try await !connection.records(StoreSQL.claimRegistration(registration), logger: logger).isEmpty { return .claimed }
            guard let holder = try await connection.record(StoreSQL.registration(slot: registration.slot), logger: logger) else {
                throw StoreError("the registration was neither stored nor its slot's holder found")
            }
            return .taken(try holder.registration())
        }
    }

    public func updateRegistration(_ registration: Registration) async throws(StoreError) -> Bool {
        try await !records("updating registration \(registration.id)", StoreSQL.updateRegistration(registration)).isEmpty
    }

    public func registrations() async throws(StoreError) -> [Registration] {
        try await records("reading registrations", StoreSQL.registrations).map { record throws(StoreError) in try record.registration() }
    }

    public func registration(id: String) async throws(StoreError) -> Registration? {
        try await records("reading registration \(id)", StoreSQL.registration(id: id)).first?.registration()
    }

    public func deleteRegistration(id: String) async throws(StoreError) -> Bool {
        try await !records("deleting registration \(id)", StoreSQL.deleteRegistration(id: id)).isEmpty
    }

    public func recordSinkTest(id: String, receivedAt: Date) async throws(StoreError) {
        let logger = logger
        try await transaction("recording sink test \(id)") { connection in
            try await connection.run(StoreSQL.recordSinkTest(id: id, receivedAt: receivedAt), logger: logger)
        }
    }

    public func sinkTests(limit: Int) async throws(StoreError) -> [String] {
        try await records("reading sink tests", StoreSQL.sinkTests(limit: limit)).map { record throws(StoreError) in try record.text("test_id") }
    }
}
