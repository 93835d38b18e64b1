import Foundation
import Hummingbird

/// HTTP Basic auth as Twilio does it: Account SID + Auth Token, or API key + secret; anything
/// else gets 401 with code 20003. The twimlets (``TwimletsController``) are public, as on
/// twimlets.com: Twilio fetches them without credentials.
struct TwilioAuthMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let accounts: AccountDirectory

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix(TwimletsController.prefix + "/") { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.hasPrefix("Basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
              let colon = decoded.firstIndex(of: ":"),
              let account = await accounts.authenticate(username: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]))
        else { throw SandboxError.authenticate }
        var context = context
        context.accountSID = account
        return try await next(request, context)
    }
}
