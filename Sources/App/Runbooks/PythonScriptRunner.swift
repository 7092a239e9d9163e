import Foundation
import HikeshiCore
import Logging
import RunbooksAPI
import Synchronization

/// Runs `aws:executeScript` handlers, each in its own `python3` process: a fresh temporary working directory, an
/// environment with nothing of the server's (no keys, no database URL), limits on memory, CPU time, file size and open
/// files set before the script loads, a wall-clock timeout enforced by killing the process, and bounded stdout/stderr.
/// Where `bwrap` (Debian's bubblewrap) is installed, the process also runs without network, on a read-only view of the
/// file system except its working directory.
actor PythonScriptRunner {
    /// The largest payload a handler may return, as AWS allows.
    static let payloadLimit = 100 * 1024
    /// How much of stdout and stderr is kept.
    static let outputLimit = 16 * 1024
    /// How many scripts run at once; more wait their turn.
    static let concurrency = 4

    private let python: String?
    private let bubblewrap: String?
    private let memoryBytes: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A runner using the first `python3` and `bwrap` on `PATH`.
    init(environment: [String: String] = ProcessInfo.processInfo.environment, memoryBytes: Int = 512 * 1024 * 1024) {
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        func find(_ name: String) -> String? {
            path.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        self.python = find("python3")
        self.bubblewrap = find("bwrap")
        self.memoryBytes = memoryBytes
    }

    /// Whether scripts run in bubblewrap.
    var isSandboxed: Bool { bubblewrap != nil }

    /// Runs a script and returns `{"Payload": <handler result>}`, or a failure with the script's error output.
    func run(_ script: AutomationScript, logger: Logger) async -> AutomationLaunchResult {
        guard let python else { return .failure("No python3 is installed on this server, so aws:executeScript cannot run") }
        guard let wanted = Self.version(of: script.runtime) else { return .failure("Runtime \(script.runtime) is not a Python runtime") }
        guard let host = hostVersion(python), host >= wanted else {
            return .failure("Runtime \(script.runtime) needs Python \(wanted.0).\(wanted.1) or later; this server's python3 is older")
        }
        await acquire()
        defer { release() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hikeshi-script-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            return .failure("Could not make a working directory for the script")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try Data(script.source.utf8).write(to: directory.appendingPathComponent("script.py"))
            try JSONEncoder().encode(script.payload).write(to: directory.appendingPathComponent("events.json"))
            let context: DocumentValue = .object(["automation:EXECUTION_ID": .string(script.executionID)])
            try JSONEncoder().encode(context).write(to: directory.appendingPathComponent("context.json"))
            try Data(Self.wrapper(handler: script.handler, memoryBytes: memoryBytes, cpuSeconds: Int(script.timeout) + 1).utf8)
                .write(to: directory.appendingPathComponent("hikeshi_runner.py"))
        } catch {
            return .failure("Could not write the script's files")
        }
        return await execute(python: python, in: directory, timeout: script.timeout, logger: logger)
    }

    private func execute(python: String, in directory: URL, timeout: TimeInterval, logger: Logger) async -> AutomationLaunchResult {
        let process = Process()
        var arguments = [python, "-I", "hikeshi_runner.py"]
        if let bubblewrap {
            arguments =
                [
                    bubblewrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--bind", directory.path,
                    directory.path,
                    "--chdir", directory.path, "--unshare-all", "--die-with-parent", "--new-session", "--",
                ] + arguments
        }
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONIOENCODING": "utf-8", "TMPDIR": directory.path,
        ]
        let stdout = directory.appendingPathComponent("stdout.txt")
        let stderr = directory.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        guard let out = try? FileHandle(forWritingTo: stdout), let err = try? FileHandle(forWritingTo: stderr) else {
            return .failure("Could not capture the script's output")
        }
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        let finished: Bool = await withCheckedContinuation { continuation in
            let once = Once(continuation)
            process.terminationHandler = { _ in once.resume(true) }
            do {
                try process.run()
            } catch {
                once.resume(false)
                return
            }
            let pid = process.processIdentifier
            Task {
                try? await Task.sleep(for: .seconds(timeout))
                if process.isRunning {
                    kill(pid, SIGKILL)
                    once.resume(true)
                }
            }
        }
        guard finished else { return .failure("python3 could not be started") }
        process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(started)
        let errors = Self.tail(of: stderr)
        logger.debug(
            "script finished",
            metadata: ["script.seconds": .stringConvertible(elapsed), "script.status": .stringConvertible(process.terminationStatus)])
        if process.terminationReason == .uncaughtSignal || elapsed >= timeout {
            return .timedOut("The script ran longer than its \(Int(timeout)) seconds and was stopped")
        }
        guard process.terminationStatus == 0 else {
            return .failure("The script failed (exit \(process.terminationStatus)): \(errors.isEmpty ? "no error output" : errors)")
        }
        let resultFile = directory.appendingPathComponent("result.json")
        guard let data = try? Data(contentsOf: resultFile) else { return .failure("The script ended without a result") }
        guard data.count <= Self.payloadLimit else { return .failure("The script's result is larger than \(Self.payloadLimit / 1024) KB") }
        guard let payload = try? JSONDecoder().decode(DocumentValue.self, from: data) else {
            return .failure("The script's result is not JSON")
        }
        return .response(.object(["Payload": payload]))
    }

    /// The last part of a captured output, as text.
    private static func tail(of file: URL) -> String {
        guard let data = try? Data(contentsOf: file) else { return "" }
        let text = String(decoding: data.suffix(outputLimit), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var cachedHostVersion: (Int, Int)??

    private func hostVersion(_ python: String) -> (Int, Int)? {
        if let cachedHostVersion { return cachedHostVersion }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
        let pipe = Pipe()
        process.standardOutput = pipe
        var found: (Int, Int)?
        if (try? process.run()) != nil {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            found = Self.version(of: "python" + String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        cachedHostVersion = .some(found)
        return found
    }

    /// `python3.11` → (3, 11).
    static func version(of runtime: String) -> (Int, Int)? {
        guard runtime.hasPrefix("python") else { return nil }
        let parts = runtime.dropFirst(6).split(separator: ".")
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        return (major, minor)
    }

    private func acquire() async {
        if running < Self.concurrency {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// The program that loads the user's script after limiting itself, calls the handler and writes its result.
    static func wrapper(handler: String, memoryBytes: Int, cpuSeconds: Int) -> String {
        let name = handler.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" } ? handler : "_invalid_handler_name"
        return """
            from importlib import util
            from json import dump, load
            from resource import setrlimit, RLIMIT_AS, RLIMIT_CPU, RLIMIT_FSIZE, RLIMIT_NOFILE, RLIMIT_CORE
            from sys import exit
            for limit, value in ((RLIMIT_AS, \(memoryBytes)), (RLIMIT_CPU, \(cpuSeconds)),
                                 (RLIMIT_FSIZE, 16 * 1024 * 1024), (RLIMIT_NOFILE, 64), (RLIMIT_CORE, 0)):
                setrlimit(limit, (value, value))
            with open("events.json") as f:
                events = load(f)
            with open("context.json") as f:
                context = load(f)
            spec = util.spec_from_file_location("script", "script.py")
            module = util.module_from_spec(spec)
            spec.loader.exec_module(module)
            handler = getattr(module, "\(name)", None)
            if handler is None:
                exit("The script has no function named \(name)")
            result = handler(events, context)
            with open("result.json", "w") as f:
                dump(result, f, default=str)

            """
    }
}

/// Resumes a continuation once, whichever of the process's end and the timeout comes first.
private final class Once: Sendable {
    private let continuation: Mutex<CheckedContinuation<Bool, Never>?>

    init(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: Bool) {
        let pending = continuation.withLock { stored in
            let taken = stored
            stored = nil
            return taken
        }
        pending?.resume(returning: value)
    }
}
