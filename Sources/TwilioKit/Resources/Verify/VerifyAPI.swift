/// Verify v2: services, verifications and verification checks.
public struct VerifyAPI: Sendable {
    let client: TwilioClient

    private func servicePath(_ sid: String) -> String {
        "/v2/Services/" + TwilioRequest.segment(sid)
    }

    /// Creates a Verify Service.
    public func createService(_ parameters: VerifyServiceCreateParameters) async throws(TwilioError) -> VerifyService {
        try await client.send(TwilioRequest(.post, .verify, "/v2/Services", form: parameters.form))
    }

    /// Fetches a Verify Service (`VA…`).
    public func fetchService(_ sid: String) async throws(TwilioError) -> VerifyService {
        try await client.send(TwilioRequest(.get, .verify, servicePath(sid)))
    }

    /// Lists the account's Verify Services, page by page up to `limit`.
    /// - Parameter pageSize: Services per page (1…1000); by default set from `limit`.
    public func listServices(pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<VerifyService> {
        var query = FormParameters()
        query.add("PageSize", pageSize)
        return client.list(TwilioRequest(.get, .verify, "/v2/Services", query: query), limit: limit)
    }

    /// Starts a verification: sends a code to the user. Never retried after it may have reached Twilio.
    public func createVerification(_ parameters: VerificationCreateParameters, serviceSid: String) async throws(TwilioError) -> Verification {
        try await client.send(TwilioRequest(.post, .verify, servicePath(serviceSid) + "/Verifications", form: parameters.form))
    }

    /// Fetches a verification (`VE…`).
    public func fetchVerification(_ sid: String, serviceSid: String) async throws(TwilioError) -> Verification {
        try await client.send(TwilioRequest(.get, .verify, servicePath(serviceSid) + "/Verifications/" + TwilioRequest.segment(sid)))
    }

    /// Approves or cancels a pending verification.
    public func updateVerification(_ sid: String, serviceSid: String, status: VerificationStatusUpdate) async throws(TwilioError) -> Verification {
        var form = FormParameters()
        form.add("Status", status)
        return try await client.send(TwilioRequest(.post, .verify, servicePath(serviceSid) + "/Verifications/" + TwilioRequest.segment(sid), form: form))
    }

    /// Checks a code the user entered; ``VerificationCheck/status`` is `approved` when it was right.
    public func checkVerification(_ parameters: VerificationCheckParameters, serviceSid: String) async throws(TwilioError) -> VerificationCheck {
        try await client.send(TwilioRequest(.post, .verify, servicePath(serviceSid) + "/VerificationCheck", form: parameters.form))
    }
}

/// The status a verification can be set to.
public enum VerificationStatusUpdate: String, Sendable, CaseIterable {
    /// Marks the verification approved (when you verified the user another way).
    case approved
    /// Cancels the verification.
    case canceled
}

extension TwilioClient {
    /// Verify v2.
    public var verify: VerifyAPI { VerifyAPI(client: self) }
}
