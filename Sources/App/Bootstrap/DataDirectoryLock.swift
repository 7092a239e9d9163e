import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on the data directory, held by `hikeshi serve` on SQLite for the life of the process, so a second
/// server on the same directory stops at once instead of sharing the embedded database.
public final class DataDirectoryLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock on `directory` (the file `serve.lock` in it), or throws ``StartupError`` saying what is wrong.
    public init(directory: URL) throws(StartupError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw StartupError("the data directory \(directory.path) is a file; give --data-dir a directory")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StartupError(
                "the data directory \(directory.path) cannot be created (\(error.localizedDescription)); check the path and its permissions")
        }
        let path = directory.appendingPathComponent("serve.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StartupError("the data directory \(directory.path) is not writable (\(String(cString: strerror(errno)))); check its permissions")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StartupError(
                "another hikeshi serve is using the data directory \(directory.path); stop it, or give this server another --data-dir")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}

/// Why `hikeshi serve` cannot start: one line that says what is wrong and what to do.
public struct StartupError: Error, CustomStringConvertible, Sendable {
    /// The line.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
