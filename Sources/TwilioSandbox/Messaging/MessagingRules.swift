/// What messaging's rules consult beyond the messages themselves: the sandbox clock and the
/// customer-service windows it measures (WhatsApp's 24 hours), the registered WhatsApp senders,
/// and each account's SMS Geo-Permissions. The inspection API changes them; the simulator reads
/// them as a message is created and as it leaves.
struct MessagingRules: Sendable {
    /// The sandbox's time, which tests advance.
    let clock: SandboxClock
    /// When each person last wrote to each WhatsApp sender.
    let windows = CustomerServiceWindows()
    /// The WhatsApp senders of each account.
    let whatsAppSenders: WhatsAppSenders
    /// The countries each account may send SMS to.
    let geoPermissions = GeoPermissions()

    /// Rules on `clock`, with `whatsAppSenders` registered from the start (per account SID).
    init(clock: SandboxClock, whatsAppSenders: [String: [String]]) {
        self.clock = clock
        self.whatsAppSenders = WhatsAppSenders(registered: whatsAppSenders)
    }
}
