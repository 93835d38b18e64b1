/// Every webhook the sandbox sent, in order, for the inspection API and tests.
actor EventLog {
    private(set) var deliveries: [WebhookDispatcher.Delivery] = []

    func record(_ delivery: WebhookDispatcher.Delivery) {
        deliveries.append(delivery)
    }

    /// The deliveries whose parameters contain `name` = `value`.
    func deliveries(where name: String, is value: String) -> [WebhookDispatcher.Delivery] {
        deliveries.filter { $0.parameters.contains { $0.0 == name && $0.1 == value } }
    }
}
