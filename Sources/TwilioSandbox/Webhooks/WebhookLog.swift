/// Every webhook the sandbox sent, in order, for the inspection API and tests.
actor WebhookLog {
    private var deliveries: [WebhookDelivery] = []

    /// Appends `delivery` to the log.
    func record(_ delivery: WebhookDelivery) {
        deliveries.append(delivery)
    }

    /// The deliveries whose parameters contain `name` = `value`.
    func deliveries(where name: String, is value: String) -> [WebhookDelivery] {
        deliveries.filter { $0.parameters.contains { $0.0 == name && $0.1 == value } }
    }
}
