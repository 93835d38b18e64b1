import Foundation
import Hummingbird

extension Request {
    /// Where the sandbox serves `domain` for this request: `http://<Host>/<domain>`. Paging links
    /// (`meta.next_page_url`…) point there, so clients follow them back to the sandbox.
    func sandboxOrigin(_ domain: String) -> String {
        let host = head.authority ?? "127.0.0.1"
        return "http://\(host)/\(domain)"
    }
}

extension SandboxRequestContext {
    /// The path parameter `name`, percent-decoded (`%2B14155550100` is `+14155550100`).
    func decodedParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
