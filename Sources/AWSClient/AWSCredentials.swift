import Foundation

/// An AWS access key: its id, its secret and, for temporary credentials, a session token.
///
/// Descriptions, debug descriptions and mirrors show the access key id only, never the secret or the token.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key id, e.g. `AKIAIOSFODNN7EXAMPLE`.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Finds credentials the way the aws CLI does for static keys.
    ///
    /// Without an explicit `profile`, the environment comes first: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`
    /// (with `AWS_SESSION_TOKEN` when set). Otherwise, or when they are not set, the shared credentials file
    /// (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`) is read, section `[profile]`, where `profile` is the
    /// explicit one, else `AWS_PROFILE`, else `default`; its keys are `aws_access_key_id`, `aws_secret_access_key` and
    /// optionally `aws_session_token`. Empty variables count as unset.
    ///
    /// - Parameters:
    ///   - profile: A profile asked for explicitly (e.g. `--profile`); it skips the environment's keys.
    ///   - environment: The process environment (`ProcessInfo.processInfo.environment`).
    ///   - homeDirectory: The home directory, for `~/.aws/credentials` and a leading `~/` in
    ///     `AWS_SHARED_CREDENTIALS_FILE`.
    /// - Throws: ``AWSClientError`` of kind ``AWSClientError/Kind/credentials``, naming the variable, file and profile
    ///   concerned.
    public static func resolve(profile: String?, environment: [String: String], homeDirectory: String) throws(AWSClientError) -> AWSCredentials {
        let value = { (name: String) -> String? in
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        let explicitProfile = profile.flatMap { $0.isEmpty ? nil : $0 }
        if explicitProfile == nil {
            switch (value("AWS_ACCESS_KEY_ID"), value("AWS_SECRET_ACCESS_KEY")) {
            case (let accessKeyID?, let secret?):
                return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
            case (.some, nil):
                throw .credentials("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
            case (nil, .some):
                throw .credentials("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
            case (nil, nil):
                break
            }
        }
        let profileName = explicitProfile ?? value("AWS_PROFILE") ?? "default"
        let path = credentialsFilePath(environment: environment, homeDirectory: homeDirectory)
        guard FileManager.default.fileExists(atPath: path) else {
            let lead = explicitProfile == nil ? "no AWS credentials: AWS_ACCESS_KEY_ID is not set and " : "cannot load profile '\(profileName)': "
            throw .credentials(lead + "the shared credentials file \(path) does not exist")
        }
        let text: String
        do {
            text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        } catch {
            throw .credentials("cannot read the shared credentials file \(path): \(error.localizedDescription)")
        }
        let file = AWSSharedCredentialsFile(parsing: text)
        guard let section = file.sections[profileName] else {
            let known = file.sections.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw .credentials(
                "profile '\(profileName)' not found in the shared credentials file \(path)"
                    + (known.isEmpty ? " (it has no profiles)" : " (profiles there: \(known))"))
        }
        let setting = { (key: String) -> String? in
            guard let value = section[key], !value.isEmpty else { return nil }
            return value
        }
        guard let accessKeyID = setting("aws_access_key_id") else {
            throw .credentials("profile '\(profileName)' in \(path) has no aws_access_key_id")
        }
        guard let secret = setting("aws_secret_access_key") else {
            throw .credentials("profile '\(profileName)' in \(path) has no aws_secret_access_key")
        }
        return AWSCredentials(
            accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: setting("aws_session_token") ?? setting("aws_security_token"))
    }

    /// `AWS_SHARED_CREDENTIALS_FILE` with a leading `~/` expanded, else `<home>/.aws/credentials`.
    static func credentialsFilePath(environment: [String: String], homeDirectory: String) -> String {
        let home = homeDirectory.hasSuffix("/") ? String(homeDirectory.dropLast()) : homeDirectory
        guard let configured = environment["AWS_SHARED_CREDENTIALS_FILE"], !configured.isEmpty else {
            return home + "/.aws/credentials"
        }
        if configured == "~" {
            return home
        }
        if configured.hasPrefix("~/") {
            return home + configured.dropFirst()
        }
        return configured
    }

    /// The access key id and whether there is a session token; never the secret or the token.
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), sessionToken: \(sessionToken == nil ? "none" : "present"))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the access key id only.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "hasSessionToken": sessionToken != nil], displayStyle: .struct)
    }
}
