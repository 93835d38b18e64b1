import ConnectorStore
import Foundation
import Testing

/// Reading `postgres://` URLs, and keeping their passwords out of every message.
struct PostgresLocationTests {
    @Test func aURLIsReadWithItsDefaults() throws {
        let location = try PostgresLocation(url: "postgres://app:s3cr%40t@db.example.com/connector")
        #expect(location.host == "db.example.com")
        #expect(location.port == 5432)
        #expect(location.username == "app")
        #expect(location.password == "s3cr@t")
        #expect(location.database == "connector")
        #expect(location.schema == "public")
        #expect(location.tls == .prefer)
        #expect(location.description == "postgres://app:***@db.example.com:5432/connector")
        #expect(location.redact("auth failed for s3cr@t and s3cr%40t") == "auth failed for *** and ***")
    }

    @Test func schemaAndTLSAreParametersAndAnythingElseIsRefusedWithoutThePassword() throws {
        let location = try PostgresLocation(url: "postgresql://app:pw-123@127.0.0.1:6543/db?sslmode=disable&schema=tenant_a")
        #expect(location.schema == "tenant_a" && location.tls == .disable && location.port == 6543)
        #expect(location.description == "postgres://app:***@127.0.0.1:6543/db?schema=tenant_a&sslmode=disable")
        for bad in ["postgres://app:pw-123@host/db?schema=Bad-Name", "postgres://app:pw-123@host/db?ssl=true",
                    "postgres://app:pw-123@host/db?sslmode=sometimes", "postgres://:pw-123@host/db", "postgres://app:pw-123@/db"] {
            #expect {
                try PostgresLocation(url: bad)
            } throws: { error in
                "\(error)".contains("***") && !"\(error)".contains("pw-123")
            }
        }
    }

    @Test(.enabled(if: StoreBackend.postgresURL != nil, "needs \(StoreBackend.postgresVariable)"))
    func aRefusedPasswordIsNotRepeatedInTheError() async throws {
        let url = try #require(StoreBackend.postgresURL)
        let location = try PostgresLocation(url: url)
        let wrong = "wrong-password-\(UUID().uuidString.prefix(8))"
        let wrongURL = url.replacingOccurrences(of: ":\(location.password ?? "")@", with: ":\(wrong)@")
        await #expect {
            try await PostgresStore.open(url: wrongURL)
        } throws: { error in
            let text = "\(error)"
            return text.contains("password authentication failed") && !text.contains(wrong) && text.contains("***")
        }
    }
}
