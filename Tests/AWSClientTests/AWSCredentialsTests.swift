import Foundation
import Testing

@testable import AWSClient

/// Finding credentials: the environment, the shared credentials file and its profiles, and the errors that say what
/// is missing where.
@Suite("AWSCredentials")
struct AWSCredentialsTests {
    /// A credentials file with two profiles, comments, odd spacing, an inline comment and CRLF line ends.
    static let twoProfiles =
        "# Hikeshi test credentials\n"
        + "; another comment style\n"
        + "\n"
        + "[default]\n"
        + "aws_access_key_id = AKIADEFAULT000000001\n"
        + "aws_secret_access_key=defaultSecret/0123456789+abcdefghijklmnop\n"
        + "\n"
        + "  [ work ]   # the work account\r\n"
        + "\tAWS_Access_Key_ID   =   AKIAWORK000000000002  \r\n"
        + "aws_secret_access_key: workSecret/0123456789+abcdefghijklmnopqr ; rotated monthly\r\n"
        + "aws_session_token = workToken+/== \r\n"
        + "region = eu-west-1\r\n"

    /// A fresh temporary directory, removed after `body`.
    static func withDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("AWSCredentialsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// Writes `text` to `relative` under `directory`, making folders, and returns its path.
    @discardableResult
    static func write(_ text: String, to relative: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The error `resolve` throws; fails the test when it succeeds.
    static func failure(
        profile: String?, environment: [String: String], home: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> AWSClientError? {
        do {
            let credentials = try AWSCredentials.resolve(profile: profile, environment: environment, homeDirectory: home)
            Issue.record("expected an error, got \(credentials)", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error.kind == .credentials, sourceLocation: sourceLocation)
            #expect(!error.isRetryable, sourceLocation: sourceLocation)
            return error
        }
    }

    // MARK: - Environment

    @Test("the environment's keys and session token come first")
    func environment() throws {
        let credentials = try AWSCredentials.resolve(
            profile: nil,
            environment: [
                "AWS_ACCESS_KEY_ID": "AKIAENV0000000000001", "AWS_SECRET_ACCESS_KEY": "envSecret", "AWS_SESSION_TOKEN": "envToken",
                "AWS_PROFILE": "work", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
            ],
            homeDirectory: "/nonexistent")
        #expect(credentials == AWSCredentials(accessKeyID: "AKIAENV0000000000001", secretAccessKey: "envSecret", sessionToken: "envToken"))
    }

    @Test("an empty or missing AWS_SESSION_TOKEN means none")
    func environmentWithoutToken() throws {
        for token in [nil, ""] as [String?] {
            var environment = ["AWS_ACCESS_KEY_ID": "AKIAENV0000000000001", "AWS_SECRET_ACCESS_KEY": "envSecret"]
            environment["AWS_SESSION_TOKEN"] = token
            let credentials = try AWSCredentials.resolve(profile: nil, environment: environment, homeDirectory: "/nonexistent")
            #expect(credentials.sessionToken == nil)
            #expect(credentials.secretAccessKey == "envSecret")
        }
    }

    @Test("half a key pair in the environment is an error naming the missing variable")
    func partialEnvironment() {
        let noSecret = Self.failure(profile: nil, environment: ["AWS_ACCESS_KEY_ID": "AKIA1"], home: "/nonexistent")
        #expect(noSecret?.message == "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        let noKey = Self.failure(profile: nil, environment: ["AWS_SECRET_ACCESS_KEY": "s"], home: "/nonexistent")
        #expect(noKey?.message == "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
    }

    // MARK: - Shared credentials file

    @Test("the file's default profile, or AWS_PROFILE's, with comments and spacing tolerated")
    func sharedFile() throws {
        try Self.withDirectory { directory in
            let path = try Self.write(Self.twoProfiles, to: "elsewhere/creds", in: directory)
            let base = ["AWS_SHARED_CREDENTIALS_FILE": path]

            let defaults = try AWSCredentials.resolve(profile: nil, environment: base, homeDirectory: "/nonexistent")
            #expect(defaults == AWSCredentials(accessKeyID: "AKIADEFAULT000000001", secretAccessKey: "defaultSecret/0123456789+abcdefghijklmnop"))

            let work = try AWSCredentials.resolve(
                profile: nil, environment: base.merging(["AWS_PROFILE": "work"]) { $1 }, homeDirectory: "/nonexistent")
            #expect(
                work
                    == AWSCredentials(
                        accessKeyID: "AKIAWORK000000000002", secretAccessKey: "workSecret/0123456789+abcdefghijklmnopqr",
                        sessionToken: "workToken+/=="))
        }
    }

    @Test("an explicit profile skips the environment's keys")
    func explicitProfile() throws {
        try Self.withDirectory { directory in
            let path = try Self.write(Self.twoProfiles, to: "creds", in: directory)
            let environment = [
                "AWS_SHARED_CREDENTIALS_FILE": path, "AWS_ACCESS_KEY_ID": "AKIAENV0000000000001", "AWS_SECRET_ACCESS_KEY": "envSecret",
                "AWS_PROFILE": "default",
            ]
            let credentials = try AWSCredentials.resolve(profile: "work", environment: environment, homeDirectory: "/nonexistent")
            #expect(credentials.accessKeyID == "AKIAWORK000000000002")
            #expect(credentials.sessionToken == "workToken+/==")
        }
    }

    @Test("the file defaults to ~/.aws/credentials, and AWS_SHARED_CREDENTIALS_FILE may start with ~/")
    func defaultLocation() throws {
        try Self.withDirectory { home in
            try Self.write("[default]\naws_access_key_id=AKIAHOME\naws_secret_access_key=homeSecret\n", to: ".aws/credentials", in: home)
            try Self.write("[default]\naws_access_key_id=AKIATILDE\naws_secret_access_key=tildeSecret\n", to: "custom/file", in: home)

            let fromHome = try AWSCredentials.resolve(profile: nil, environment: [:], homeDirectory: home.path)
            #expect(fromHome.accessKeyID == "AKIAHOME")
            let fromTilde = try AWSCredentials.resolve(
                profile: nil, environment: ["AWS_SHARED_CREDENTIALS_FILE": "~/custom/file"], homeDirectory: home.path + "/")
            #expect(fromTilde.accessKeyID == "AKIATILDE")
            #expect(fromTilde.secretAccessKey == "tildeSecret")
        }
    }

    @Test("a missing profile names the profile, the file and the profiles it has")
    func missingProfile() throws {
        try Self.withDirectory { directory in
            let path = try Self.write(Self.twoProfiles, to: "creds", in: directory)
            let error = Self.failure(profile: "staging", environment: ["AWS_SHARED_CREDENTIALS_FILE": path], home: "/nonexistent")
            #expect(error?.message == "profile 'staging' not found in the shared credentials file \(path) (profiles there: 'default', 'work')")
            let viaVariable = Self.failure(
                profile: nil, environment: ["AWS_SHARED_CREDENTIALS_FILE": path, "AWS_PROFILE": "prod"], home: "/nonexistent")
            #expect(viaVariable?.message.hasPrefix("profile 'prod' not found in the shared credentials file \(path)") == true)
        }
    }

    @Test("a missing file and a profile without a secret say which file and which key")
    func missingFileAndKey() throws {
        try Self.withDirectory { directory in
            let none = Self.failure(profile: nil, environment: [:], home: directory.path)
            #expect(
                none?.message
                    == "no AWS credentials: AWS_ACCESS_KEY_ID is not set and the shared credentials file \(directory.path)/.aws/credentials does not exist"
            )
            let named = Self.failure(profile: "work", environment: [:], home: directory.path)
            #expect(named?.message.hasPrefix("cannot load profile 'work': the shared credentials file \(directory.path)/.aws/credentials") == true)

            let path = try Self.write("[default]\naws_access_key_id = AKIA1\naws_secret_access_key =\n", to: "creds", in: directory)
            let noSecret = Self.failure(profile: nil, environment: ["AWS_SHARED_CREDENTIALS_FILE": path], home: "/nonexistent")
            #expect(noSecret?.message == "profile 'default' in \(path) has no aws_secret_access_key")
        }
    }

    @Test("the INI reader keeps sections and lowercased keys, and the last of a repeated key")
    func parser() {
        let file = AWSSharedCredentialsFile(
            parsing:
                "\u{FEFF}stray = ignored\n[a]\nKey = 1\nkey = 2\nnot a setting\n[b] ; comment\nurl = http://x/#frag\nv = x;y # note\n[broken\nz = 3\n"
        )
        #expect(file.sections == ["a": ["key": "2"], "b": ["url": "http://x/#frag", "v": "x;y"]])
    }

    @Test("descriptions and mirrors never show the secret or the token")
    func noSecrets() {
        let credentials = AWSCredentials(accessKeyID: "AKIAVISIBLE", secretAccessKey: "hidden/Secret+Value", sessionToken: "hiddenToken")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(text.contains("AKIAVISIBLE"))
            #expect(!text.contains("hidden"))
        }
    }
}
