/// Every webhook the sandbox sent, in order, for the inspection API and tests.
actor WebhookLog {
    private var deliveries: [WebhookDelivery] = []

    /// Appends `delivery` to the log.
    func record(_ delivery: WebhookDelivery) {
        deliveries.append(delivery)
    }

    /// The deliveries of `accountSID`'s webhooks.
    func deliveries(of accountSID: String) -> [WebhookDelivery] {
        deliveries.filter { $0.accountSID == accountSID }
    }
}
