/// The errors Twilio's v1/v2 APIs (Lookup, Verify, Intelligence, Content) answer with.
extension SandboxError {
    /// 60200: a parameter's value is badly formatted or not an accepted option.
    static func invalidV2Parameter(_ name: String, _ value: String) -> SandboxError {
        SandboxError(.badRequest, code: 60200, "Invalid parameter `\(name)`: \(value)")
    }

    /// 20001: a required parameter is missing from the body.
    static func missingV2Parameter(_ name: String) -> SandboxError {
        SandboxError(.badRequest, code: 20001, "Missing required parameter \(name) in the post body")
    }
}
