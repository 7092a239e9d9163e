import Foundation
import Testing

@testable import App

/// Settings are read once, in order: command line, environment, configuration file, defaults.
@Suite("Configuration")
struct ConfigurationTests {
    private static func file(_ text: String, suffix: String = ".yaml") throws -> String {
        let path = FileManager.default.temporaryDirectory.appending(path: "hikeshi-config-\(UUID().uuidString)\(suffix)").path()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsWhenNothingIsSet() async throws {
        let configuration = try await HikeshiConfiguration.load(commandLine: [:], environment: ["PATH": "/bin", "HOST": "elsewhere"])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 4750)
        #expect(configuration.dataDirectory.lastPathComponent == ".hikeshi")
        #expect(configuration.smtp == nil)
        #expect(configuration.twilio == nil)
        #expect(configuration.bootstrap == nil)
        #expect(configuration.publicURL == "http://127.0.0.1:4750")
    }

    @Test func commandLineThenEnvironmentThenFileThenDefaults() async throws {
        let path = try Self.file(
            """
            port: 4800
            host: 0.0.0.0
            log:
              level: debug
            smtp:
              url: smtp://mail.example.jp:587
              from: pages@example.jp
            public:
              url: https://hikeshi.example.jp/
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try await HikeshiConfiguration.load(
            commandLine: [.port: "4900"],
            environment: ["HIKESHI_CONFIG_FILE": path, "HIKESHI_HOST": "10.0.0.1", "HIKESHI_SMTP_FROM": "oncall@example.jp"]
        )
        #expect(configuration.port == 4900)  // command line over file
        #expect(configuration.host == "10.0.0.1")  // environment over file
        #expect(configuration.logLevel == .debug)  // file over default
        #expect(configuration.smtp?.host == "mail.example.jp")
        #expect(configuration.smtp?.from == "oncall@example.jp")  // environment over file, member by member
        #expect(configuration.publicURL == "https://hikeshi.example.jp")
    }

    @Test func aJSONFileWorksToo() async throws {
        let path = try Self.file(#"{"data": {"dir": "/var/lib/hikeshi"}, "sns": {"confirm": {"any": {"host": "true"}}}}"#, suffix: ".json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try await HikeshiConfiguration.load(commandLine: [.configFile: path], environment: [:])
        #expect(configuration.dataDirectory.path() == "/var/lib/hikeshi")
        #expect(configuration.snsConfirmAnyHost)
    }

    @Test func bootstrapCredentialsNeedAllThree() async throws {
        let partial = try await HikeshiConfiguration.load(environment: ["HIKESHI_ACCOUNT_ID": "111111111111", "HIKESHI_ACCESS_KEY_ID": "AKIA"])
        #expect(partial.bootstrap == nil)
        let full = try await HikeshiConfiguration.load(environment: [
            "HIKESHI_ACCOUNT_ID": "111111111111", "HIKESHI_ACCESS_KEY_ID": "AKIA", "HIKESHI_SECRET_ACCESS_KEY": "s",
        ])
        #expect(full.bootstrap == .init(accountID: "111111111111", accessKeyID: "AKIA", secretAccessKey: "s"))
    }

    @Test(arguments: [
        ("HIKESHI_PORT", "http", "HIKESHI_PORT"), ("HIKESHI_PORT", "70000", "HIKESHI_PORT"), ("HIKESHI_LOG_LEVEL", "loud", "HIKESHI_LOG_LEVEL"),
        ("HIKESHI_TIME_SCALE", "-2", "HIKESHI_TIME_SCALE"), ("HIKESHI_SMTP_URL", "smtp://h", "HIKESHI_SMTP_FROM"),
        ("HIKESHI_SNS_CONFIRM_ANY_HOST", "maybe", "HIKESHI_SNS_CONFIRM_ANY_HOST"),
    ])
    func anUnusableValueStopsWithTheSettingNamed(variable: String, value: String, named: String) async throws {
        let error = await #expect(throws: ConfigurationError.self) {
            try await HikeshiConfiguration.load(environment: [variable: value])
        }
        #expect(error?.description.contains(named) == true, "\(error?.description ?? "")")
    }

    @Test func aMissingConfigurationFileIsAnError() async throws {
        await #expect(throws: ConfigurationError.self) {
            try await HikeshiConfiguration.load(environment: ["HIKESHI_CONFIG_FILE": "/nonexistent/hikeshi.yaml"])
        }
    }
}
