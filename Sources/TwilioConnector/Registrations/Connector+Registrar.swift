import ConnectorStore
import Foundation
import TwilioKit

extension Connector {
    /// The registrar of the default connection, keeping its registrations in `store` and
    /// registering the webhooks at the connector's webhook base URL (the public URL, or in sandbox
    /// mode the local one); `nil` without a default connection.
    public func registrar(store: any ConnectorStore, now: @escaping @Sendable () -> Date = Date.init,
                          sinkTestTimeout: Duration = .seconds(30)) -> Registrar? {
        defaultClient.map { Registrar(client: $0, store: store, webhookBaseURL: webhookBaseURL, now: now, sinkTestTimeout: sinkTestTimeout) }
    }
}
