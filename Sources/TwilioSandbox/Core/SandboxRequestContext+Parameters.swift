import Foundation
import Hummingbird

extension SandboxRequestContext {
    /// The `{AccountSid}` of an API v2010 path, which must be the authenticated account: another
    /// account's resources are not found.
    func pathAccount() throws -> String {
        let account = try account
        let requested = try parameters.require("AccountSid")
        guard requested == account else { throw SandboxError.notFound("/2010-04-01/Accounts/\(requested)") }
        return account
    }

    /// The path parameter `name`, percent-decoded (`%2B14155550100` is `+14155550100`).
    func decodedParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
