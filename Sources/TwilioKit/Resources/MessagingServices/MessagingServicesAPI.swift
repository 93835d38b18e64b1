/// Messaging Services (Messaging v1): fetch, list and configure services, and manage the phone
/// numbers in their sender pools.
public struct MessagingServicesAPI: Sendable {
    let client: TwilioClient

    private func servicePath(_ sid: String) -> String {
        "/v1/Services/" + TwilioRequest.segment(sid)
    }

    private func phoneNumbersPath(serviceSid: String) -> String {
        servicePath(serviceSid) + "/PhoneNumbers"
    }

    /// Fetches a Messaging Service (`MG…`).
    public func fetch(_ sid: String) async throws(TwilioError) -> MessagingService {
        try await client.send(TwilioRequest(.get, .messaging, servicePath(sid)))
    }

    /// Lists the account's Messaging Services, page by page up to `limit`.
    /// - Parameter pageSize: Services per page (1…1000); by default set from `limit`.
    public func list(pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<MessagingService> {
        var query = FormParameters()
        query.add("PageSize", pageSize)
        return client.list(TwilioRequest(.get, .messaging, "/v1/Services", query: query), limit: limit)
    }

    /// Changes a service's webhooks or settings.
    public func update(_ sid: String, _ parameters: MessagingServiceUpdateParameters) async throws(TwilioError) -> MessagingService {
        try await client.send(TwilioRequest(.post, .messaging, servicePath(sid), form: parameters.form))
    }

    /// Lists the phone numbers in a service's sender pool, page by page up to `limit`.
    /// - Parameter pageSize: Numbers per page (1…1000); by default set from `limit`.
    public func listPhoneNumbers(serviceSid: String, pageSize: Int? = nil, limit: Int? = nil) -> TwilioList<MessagingServicePhoneNumber> {
        var query = FormParameters()
        query.add("PageSize", pageSize)
        return client.list(TwilioRequest(.get, .messaging, phoneNumbersPath(serviceSid: serviceSid), query: query), limit: limit)
    }

    /// Fetches one number (`PN…`) of a service's sender pool.
    public func fetchPhoneNumber(_ sid: String, serviceSid: String) async throws(TwilioError) -> MessagingServicePhoneNumber {
        try await client.send(TwilioRequest(.get, .messaging, phoneNumbersPath(serviceSid: serviceSid) + "/" + TwilioRequest.segment(sid)))
    }

    /// Adds one of the account's numbers (`PN…`) to a service's sender pool.
    public func addPhoneNumber(_ phoneNumberSid: String, serviceSid: String) async throws(TwilioError) -> MessagingServicePhoneNumber {
        var form = FormParameters()
        form.add("PhoneNumberSid", phoneNumberSid)
        return try await client.send(TwilioRequest(.post, .messaging, phoneNumbersPath(serviceSid: serviceSid), form: form))
    }

    /// Removes a number (`PN…`) from a service's sender pool; the number stays on the account.
    public func removePhoneNumber(_ sid: String, serviceSid: String) async throws(TwilioError) {
        try await client.send(TwilioRequest(.delete, .messaging, phoneNumbersPath(serviceSid: serviceSid) + "/" + TwilioRequest.segment(sid)))
    }
}

extension TwilioClient {
    /// Messaging Services (Messaging v1).
    public var messagingServices: MessagingServicesAPI { MessagingServicesAPI(client: self) }
}
