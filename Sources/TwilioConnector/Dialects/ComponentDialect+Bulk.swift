import TwilioKit

extension ComponentDialect {
    /// sendBulkSMS in the component dialect.
    static let bulkActions: [DialectAction] = [
        action(MessagingActions.sendBulkSMS, outputSchema: BulkRendering.outputSchema,
               example: ["Recipients": "+14155550101\n+14155550102", "From": "+15005550006", "Body": "Flash sale today"],
               render: BulkRendering.fields),
    ]
}
