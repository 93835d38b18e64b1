// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "twilio-connector",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TwilioKit", targets: ["TwilioKit"]),
        .library(name: "TwilioSandbox", targets: ["TwilioSandbox"]),
        .library(name: "TwilioConnector", targets: ["TwilioConnector"]),
        .library(name: "ConnectorStore", targets: ["ConnectorStore"]),
        .library(name: "ConnectorMCP", targets: ["ConnectorMCP"]),
        .library(name: "ConnectorVoice", targets: ["ConnectorVoice"]),
        .executable(name: "twilio-connector", targets: ["TwilioConnectorCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(
            name: "TwilioKit",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TwilioSandbox",
            dependencies: [
                "TwilioKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "ConnectorStore",
            dependencies: [
                "TwilioKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TwilioConnector",
            dependencies: [
                "TwilioKit",
                "ConnectorStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "ConnectorMCP",
            dependencies: [
                "TwilioKit",
                "TwilioConnector",
                "ConnectorStore",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ConnectorVoice",
            dependencies: [
                "TwilioKit",
                "TwilioConnector",
                "ConnectorStore",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "ConnectorServer",
            dependencies: [
                "TwilioKit",
                "TwilioConnector",
                "ConnectorStore",
                "ConnectorMCP",
                "ConnectorVoice",
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "TwilioConnectorCLI",
            dependencies: [
                "TwilioKit",
                "TwilioConnector",
                "ConnectorServer",
                "ConnectorStore",
                "TwilioSandbox",
                "ConnectorMCP",
                "ConnectorVoice",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "TwilioKitTests",
            // The registrations' contract test runs the connector's Registrar against the sandbox.
            dependencies: [
                "TwilioKit", "TwilioConnector", "ConnectorStore", "TwilioSandbox",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(
            name: "ConnectorServerTests",
            dependencies: [
                "ConnectorServer", "ConnectorStore", "ConnectorVoice", "TwilioConnector", "TwilioKit", "TwilioSandbox",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TwilioConnectorTests",
            dependencies: [
                "TwilioKit", "TwilioConnector", "TwilioSandbox", "ConnectorStore", "ConnectorVoice", "ConnectorServer",
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources/seeds")]
        ),
        .testTarget(
            name: "ConnectorMCPTests",
            dependencies: [
                "ConnectorMCP", "ConnectorServer", "ConnectorStore", "TwilioConnector", "TwilioKit", "TwilioSandbox",
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .testTarget(
            name: "ConnectorVoiceTests",
            dependencies: [
                "ConnectorVoice", "ConnectorServer", "ConnectorStore", "TwilioConnector", "TwilioKit", "TwilioSandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ConnectorStoreTests",
            dependencies: ["ConnectorStore", "TwilioKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TwilioSandboxTests",
            dependencies: [
                "TwilioKit",
                "TwilioSandbox",
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
