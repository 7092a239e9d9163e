// swift-tools-version:6.2
import PackageDescription

/// In CI (`CI` set, as `.ci/run` runs) or with `HIKESHI_STRICT=1`, a warning in the project's own code fails the build;
/// dependencies' warnings are theirs.
let strict = Context.environment["CI"] != nil || Context.environment["HIKESHI_STRICT"] == "1"

let swiftSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny")
    ] + (strict ? [.treatAllWarnings(as: .error)] : [])

let package = Package(
    name: "hikeshi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hikeshi", targets: ["hikeshi"]),
        // The parsers that face the network, for the libFuzzer harness in Fuzz/ (Scripts/fuzz).
        .library(
            name: "HikeshiParsers",
            targets: ["HikeshiCore", "AWSProtocol", "Alerting", "SSMContactsModel", "SSMIncidentsModel", "SupportModel", "SSMModel", "HikeshiModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["JSON", "YAML"]),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", "5.4.0"..<"7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // Domain core: pure types and logic, Foundation only.
        .target(name: "HikeshiCore", swiftSettings: swiftSettings),
        // AWS wire protocols: codecs, errors, validation runtime, SigV4, pagination tokens.
        .target(
            name: "AWSProtocol",
            dependencies: [
                "HikeshiCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Generated from botocore's ssm-contacts model by Tools/shapegen.
        .target(name: "SSMContactsModel", dependencies: ["AWSProtocol"], swiftSettings: swiftSettings),
        .target(name: "SSMIncidentsModel", dependencies: ["AWSProtocol"], swiftSettings: swiftSettings),
        .target(name: "SupportModel", dependencies: ["AWSProtocol"], swiftSettings: swiftSettings),
        .target(name: "SSMModel", dependencies: ["AWSProtocol"], swiftSettings: swiftSettings),
        // The SQLite C functions Storage calls, declared over the copy sqlite-nio compiles in (header only).
        .systemLibrary(name: "HikeshiCSQLite"),
        // SQL over SQLKit for SQLite and PostgreSQL: schema, migrations, repositories.
        .target(
            name: "Storage",
            dependencies: [
                "HikeshiCore",
                "HikeshiCSQLite",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Durable jobs: claims due jobs, runs them, retries with backoff.
        .target(
            name: "Scheduler",
            dependencies: [
                "HikeshiCore", "Storage",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Accounts and access keys, secrets sealed at rest.
        .target(
            name: "Identity",
            dependencies: [
                "HikeshiCore", "Storage", "AWSProtocol",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // ssm-contacts handlers.
        .target(
            name: "ContactsAPI",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "SSMContactsModel", "Storage", "Scheduler", "Paging",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The paging engine: engagement stages, page stages and deliveries as durable jobs.
        .target(
            name: "Paging",
            dependencies: [
                "HikeshiCore", "Storage", "Scheduler",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Alert intake and chat, pure: monitoring payloads (EventBridge, SNS, Alertmanager, Grafana, generic),
        // SNS and Slack signatures, chat message rendering.
        .target(
            name: "Alerting",
            dependencies: [
                "HikeshiCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: swiftSettings
        ),
        // ssm-incidents handlers: response plans, incident records, timeline, related items, replication, policies.
        .target(
            name: "IncidentsAPI",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "SSMIncidentsModel", "HikeshiModel", "Storage", "Scheduler", "Paging",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // ssm handlers: documents (runbooks, post-incident analyses and templates), tags, and automation executions.
        .target(
            name: "RunbooksAPI",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "SSMModel", "Storage", "Scheduler",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // ssm handlers for OpsCenter: OpsItems, their events and related items, every incident's parent OpsItem.
        .target(
            name: "OpsCenterAPI",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "SSMModel", "Storage",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The post-incident analysis part of the `hikeshi` API: analyses of resolved incidents kept as ProblemAnalysis
        // documents, their answers, action items as OpsItems, and the Markdown export.
        .target(
            name: "AnalysisAPI",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "HikeshiModel", "Storage",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Generated from Hikeshi's own botocore-style model (Models/hikeshi) by Tools/shapegen.
        .target(name: "HikeshiModel", dependencies: ["AWSProtocol"], swiftSettings: swiftSettings),
        // The support desk: the AWS Support API for customers, and the desk's plans, calendars, agents and SLA clocks.
        .target(
            name: "SupportAPI",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "SupportModel", "HikeshiModel", "Storage", "Scheduler", "Paging",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web console under /console/: sessions, pages and their templates in four languages; it calls the API
        // families through their generated handler protocols, so it shares their validation and account isolation.
        .target(
            name: "Console",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "Storage", "SSMIncidentsModel", "SSMContactsModel", "SupportModel", "SSMModel", "HikeshiModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Wiring: configuration, HTTP server, services.
        .target(
            name: "App",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "Storage", "Scheduler", "Identity", "ContactsAPI", "SSMContactsModel", "Paging", "Delivery",
                "IncidentsAPI", "SSMIncidentsModel", "Alerting", "SupportAPI", "SupportModel", "HikeshiModel", "RunbooksAPI", "OpsCenterAPI",
                "SSMModel", "AnalysisAPI", "Console", "AWSClient", "Migration",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Outbound notifications: SMTP email, Twilio SMS and voice, Twilio webhook signatures.
        .target(
            name: "Delivery",
            dependencies: [
                "HikeshiCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Outgoing calls to AWS JSON 1.1 APIs (real AWS or another Hikeshi server): SigV4-signed, credentials from the
        // environment or the shared credentials file.
        .target(
            name: "AWSClient",
            dependencies: [
                "AWSProtocol",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // `hikeshi migrate`: reads an Incident Manager set-up (an endpoint's ssm-contacts, ssm-incidents and ssm APIs,
        // or the JSON files of an export) and writes it, object by object, into an account through the API families'
        // import functions.
        .target(
            name: "Migration",
            dependencies: [
                "HikeshiCore", "AWSProtocol", "AWSClient", "ContactsAPI", "IncidentsAPI", "RunbooksAPI", "SSMContactsModel",
                "SSMIncidentsModel", "SSMModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hikeshi",
            dependencies: [
                "App", "IncidentsAPI", "SupportAPI", "HikeshiModel", "HikeshiCore", "AWSProtocol", "AWSClient", "Migration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HikeshiCoreTests", dependencies: ["HikeshiCore"], exclude: ["CaseCoach/Corpus", "Mail/Fixtures", "Mail/make_fixtures.py"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "IncidentsAPITests",
            dependencies: [
                "IncidentsAPI", "SSMIncidentsModel", "AWSProtocol", "HikeshiTestSupport", "Storage", "HikeshiCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AlertingTests",
            dependencies: [
                "Alerting", "HikeshiCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AWSProtocolTests",
            dependencies: [
                "AWSProtocol", "SSMContactsModel", "SSMIncidentsModel", "SupportModel", "HikeshiCore", "HikeshiTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Vectors"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DeliveryTests",
            dependencies: [
                "Delivery", "HikeshiCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["Vectors"],
            swiftSettings: swiftSettings
        ),
        // Shared by the test targets: a fresh migrated database per test, on SQLite and PostgreSQL.
        .target(
            name: "HikeshiTestSupport",
            dependencies: [
                "Storage", "AWSProtocol", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Scheduler", "Identity", "HikeshiTestSupport", "HikeshiCore", "AWSProtocol",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PagingTests",
            dependencies: [
                "Paging", "ContactsAPI", "Storage", "Scheduler", "HikeshiTestSupport", "SSMContactsModel", "AWSProtocol", "HikeshiCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ContactsAPITests",
            dependencies: ["ContactsAPI", "SSMContactsModel", "AWSProtocol", "HikeshiCore", "HikeshiTestSupport", "Storage"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SupportAPITests",
            dependencies: ["SupportAPI", "SupportModel", "HikeshiModel", "AWSProtocol", "HikeshiCore", "HikeshiTestSupport", "Storage"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConsoleTests",
            dependencies: [
                "Console", "HikeshiCore", "Storage", "HikeshiTestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "SSMIncidentsModel", "SSMContactsModel", "SupportModel", "AWSProtocol", "ContactsAPI", "HikeshiCore", "Storage",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MigrationTests",
            dependencies: ["Migration", "AWSClient", "HikeshiCore", "RunbooksAPI", "SSMModel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AWSClientTests",
            dependencies: [
                "AWSClient", "AWSProtocol",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
