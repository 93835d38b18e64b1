import Foundation
import PostgresNIO

/// How the store connects, and how its failures are told without credentials.
extension PostgresStore {
    /// The settings of a single connection (migrations, `LISTEN`).
    static func connectionConfiguration(_ location: PostgresLocation) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch location.tls {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.username,
                                                             password: location.password, database: location.database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters(location)
        return configuration
    }

    /// The settings of the pool that runs every other statement.
    static func clientConfiguration(_ location: PostgresLocation) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch location.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: location.host, port: location.port, username: location.username,
                                                         password: location.password, database: location.database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters(location)
        configuration.options.maximumConnections = 16
        return configuration
    }

    /// Every connection works in the store's schema.
    private static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        [("search_path", location.schema), ("application_name", "twilio-connector")]
    }

    /// A stable advisory-lock key for `purpose` in the location's schema (FNV-1a of the names).
    static func lockKey(_ purpose: String, _ location: PostgresLocation) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "twilio-connector:\(location.schema):\(purpose)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// A store error saying what failed where, with no password in it.
    static func failure(_ what: String, _ error: any Error, _ location: PostgresLocation) -> StoreError {
        StoreError(location.redact("\(what) (\(location)): \(describe(error, location))"))
    }

    /// What PostgreSQL (or the connection) said, without the query's values or credentials.
    static func describe(_ error: any Error, _ location: PostgresLocation) -> String {
        let text: String
        switch error {
        case let error as StoreError:
            text = error.message
        case let error as PostgresTransactionError:
            let cause = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            text = cause.map { describe($0, location) } ?? "the transaction failed"
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                text = "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "unknown"))"
            } else if let underlying = error.underlying {
                text = "\(error.code): \(underlying)"
            } else {
                text = "\(error.code)"
            }
        default:
            text = String(describing: error)
        }
        return location.redact(text)
    }
}
