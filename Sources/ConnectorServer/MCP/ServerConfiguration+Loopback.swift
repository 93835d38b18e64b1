extension ServerConfiguration {
    /// Whether the server listens on the loopback interface only (`127.0.0.1`, `localhost`,
    /// `::1`), out of reach of other machines.
    public var listensOnLoopbackOnly: Bool { MCPAccessPolicy.isLoopback(host: host) }
}
