import ArgumentParser

/// `twilio-connector`: the connector's command-line front.
@main
struct TwilioConnectorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twilio-connector",
        abstract: "A Twilio connector for workflow engines and AI agents.",
        subcommands: [ServeCommand.self, MCPCommand.self, RunCommand.self, ActionsCommand.self, DescribeCommand.self, TriggersCommand.self, EventsCommand.self, JobsCommand.self, SandboxCommand.self]
    )
}
