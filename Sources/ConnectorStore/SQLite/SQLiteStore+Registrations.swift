import Foundation
import GRDB

/// Trigger registrations and sink tests in the SQLite file.
extension SQLiteStore {
    public func claimRegistration(_ registration: Registration) async throws(StoreError) -> RegistrationClaim {
        try await write("storing registration \(registration.id) of \(registration.slot)") { database -> RegistrationClaim in
            if try !database.records(StoreSQL.claimRegistration(registration)).isEmpty { return .claimed }
            guard let holder = try database.record(StoreSQL.registration(slot: registration.slot)) else {
                throw StoreError("the registration was neither stored nor its slot's holder found")
            }
            return .taken(try holder.registration())
        }
    }

    public func updateRegistration(_ registration: Registration) async throws(StoreError) -> Bool {
        try await write("updating registration \(registration.id)") { database in
            try !database.records(StoreSQL.updateRegistration(registration)).isEmpty
        }
    }

    public func registrations() async throws(StoreError) -> [Registration] {
        try await read("reading registrations") { database in try database.records(StoreSQL.registrations).map { try $0.registration() } }
    }

    public func registration(id: String) async throws(StoreError) -> Registration? {
        try await read("reading registration \(id)") { database in try database.record(StoreSQL.registration(id: id))?.registration() }
    }

    public func deleteRegistration(id: String) async throws(StoreError) -> Bool {
        try await write("deleting registration \(id)") { database in try !database.records(StoreSQL.deleteRegistration(id: id)).isEmpty }
    }

    public func recordSinkTest(id: String, receivedAt: Date) async throws(StoreError) {
        try await write("recording sink test \(id)") { database in try database.run(StoreSQL.recordSinkTest(id: id, receivedAt: receivedAt)) }
    }

    public func sinkTests(limit: Int) async throws(StoreError) -> [String] {
        try await read("reading sink tests") { database in try database.records(StoreSQL.sinkTests(limit: limit)).map { try $0.text("test_id") } }
    }
}
