import Hummingbird
import NIOCore

/// The request context of the sandbox: the authenticated account travels with the request.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account whose credentials the request carried.
    public var accountSID: String?
    /// The connection, so a fault can drop it.
    public let channel: (any Channel)?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The authenticated account; routes behind the auth middleware always have one.
    var account: String {
        get throws(SandboxError) {
            guard let accountSID else { throw .authenticate }
            return accountSID
        }
    }
}
