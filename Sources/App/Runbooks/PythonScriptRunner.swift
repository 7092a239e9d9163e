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
    private let clock: any HikeshiClock
    private let memoryBytes: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A runner using the first `python3` and `bwrap` on `PATH`.
    init(clock: any HikeshiClock, environment: [String: String] = ProcessInfo.processInfo.environment, memoryBytes: Int = 512 * 1024 * 1024) {
        self.clock = clock
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        func find(_ name: String) -> String? {
            path.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        self.python = find("python3")
        self.bubblewrap = find("bwrap")
        self.memoryBytes = memoryBytes
    }

    private var sandboxProbe: String??

    /// `bwrap` when it is installed and works here (in a container without user namespaces it cannot make its sandbox;
    /// scripts then run without it, and the server says so once).
    private func sandbox(for python: String, logger: Logger) -> String? {
        if let sandboxProbe { return sandboxProbe }
        var found: String?
        if let bubblewrap {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: bubblewrap)
            process.arguments = sandboxArguments(workingDirectory: nil) + [python, "-I", "-c", "pass"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil {
                process.waitUntilExit()
                if process.terminationStatus == 0 { found = bubblewrap }
            }
            if found == nil {
                logger.warning("bubblewrap is installed but cannot make its sandbox here; runbook scripts run without it")
            }
        }
        sandboxProbe = .some(found)
        return found
    }

    /// bubblewrap's arguments: only what Python needs, read-only; the script's own directory writable; no network, no
    /// other processes.
    private func sandboxArguments(workingDirectory: URL?) -> [String] {
        var binds = [
            "--ro-bind", "/usr", "/usr", "--ro-bind-try", "/lib", "/lib", "--ro-bind-try", "/lib64", "/lib64", "--ro-bind-try", "/bin", "/bin",
        ]
        binds += ["--ro-bind-try", "/etc/alternatives", "/etc/alternatives", "--ro-bind-try", "/etc/ssl", "/etc/ssl"]
        if let prefix = pythonPrefix, !prefix.hasPrefix("/usr/") { binds += ["--ro-bind", prefix, prefix] }
        binds += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
        if let workingDirectory {
            binds += ["--bind", workingDirectory.path, workingDirectory.path, "--chdir", workingDirectory.path]
        }
        return binds + ["--unshare-all", "--die-with-parent", "--new-session", "--"]
    }

    /// Runs a script and returns `{"Payload": <handler result>}`, or a failure with the script's error output.
    func run(_ script: AutomationScript, logger: Logger) async -> AutomationLaunchResult {
        guard let python else { return .failure("No python3 is installed on this server, so aws:executeScript cannot run") }
        guard let wanted = Self.version(of: script.runtime) else { return .failure("Runtime \(script.runtime) is not a Python runtime") }
        guard let host = interpreter(python), host.version >= wanted else {
            return .failure("Runtime \(script.runtime) needs Python \(wanted.0).\(wanted.1) or later; this server's python3 is older")
        }
        await acquire()
        defer { release() }
        guard clock.now() <= script.startBy else {
            return .failure("The script waited for a free slot (\(Self.concurrency) run at once) past its start deadline, so it did not run")
        }
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
        return await execute(python: host.executable, in: directory, timeout: script.timeout, logger: logger)
    }

    private func execute(python: String, in directory: URL, timeout: TimeInterval, logger: Logger) async -> AutomationLaunchResult {
        let process = Process()
        var arguments = [python, "-I", "hikeshi_runner.py"]
        if let bubblewrap = sandbox(for: python, logger: logger) {
            arguments = [bubblewrap] + sandboxArguments(workingDirectory: directory) + arguments
        }
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "TMPDIR": directory.path,
        ]
        // The result and the error output come back through pipes, never through files the script could replace.
        let result = Pipe()
        let errors = Pipe()
        process.standardOutput = result
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        // A cancelled task (the step was stopped or given up) kills the script's process group at once.
        let finished: Bool = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
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
                        // The wrapper leads its own process group: kill it whole, children included.
                        kill(-pid, SIGKILL)
                        kill(pid, SIGKILL)
                        once.resume(true)
                    }
                }
            }
        } onCancel: {
            let pid = process.processIdentifier
            if pid > 0, process.isRunning {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
            }
        }
        try? result.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        guard finished else { return .failure("python3 could not be started") }
        let pid = process.processIdentifier
        process.waitUntilExit()
        // Whatever the script left running goes with it.
        kill(-pid, SIGKILL)
        async let payloadData = Self.drain(result.fileHandleForReading, keepingFirst: Self.payloadLimit + 1)
        async let errorData = Self.drain(errors.fileHandleForReading, keepingLast: Self.outputLimit)
        let (data, errorBytes) = await (payloadData, errorData)
        let elapsed = Date().timeIntervalSince(started)
        let errorText = String(decoding: errorBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        logger.debug(
            "script finished",
            metadata: ["script.seconds": .stringConvertible(elapsed), "script.status": .stringConvertible(process.terminationStatus)])
        if process.terminationReason == .uncaughtSignal || elapsed >= timeout {
            return .timedOut("The script ran longer than its \(Int(timeout)) seconds and was stopped")
        }
        guard process.terminationStatus == 0 else {
            return .failure("The script failed (exit \(process.terminationStatus)): \(errorText.isEmpty ? "no error output" : errorText)")
        }
        guard !data.isEmpty else { return .failure("The script ended without a result") }
        guard data.count <= Self.payloadLimit else { return .failure("The script's result is larger than \(Self.payloadLimit / 1024) KB") }
        guard let payload = try? JSONDecoder().decode(DocumentValue.self, from: data) else {
            return .failure("The script's result is not JSON")
        }
        return .response(.object(["Payload": payload]))
    }

    /// Reads a pipe to its end on a thread of its own (the reads block), keeping at most the first `limit` bytes.
    private static func drain(_ handle: FileHandle, keepingFirst limit: Int) async -> Data {
        await drain(handle) { kept, chunk in
            if kept.count < limit { kept.append(chunk.prefix(limit - kept.count)) }
        }
    }

    /// Reads a pipe to its end, keeping the last `limit` bytes.
    private static func drain(_ handle: FileHandle, keepingLast limit: Int) async -> Data {
        await drain(handle) { kept, chunk in
            kept.append(chunk)
            if kept.count > limit { kept = Data(kept.suffix(limit)) }
        }
    }

    private static func drain(_ handle: FileHandle, _ keep: @escaping @Sendable (inout Data, Data) -> Void) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var kept = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    keep(&kept, chunk)
                }
                try? handle.close()
                continuation.resume(returning: kept)
            }
        }
    }

    /// The host's interpreter as probed once: its version, its real executable (not a shim) and its prefix.
    private struct Interpreter {
        var version: (Int, Int)
        var executable: String
        var prefix: String
    }

    private var probed: Interpreter??

    private var pythonPrefix: String? {
        probed??.prefix
    }

    private func interpreter(_ python: String) -> Interpreter? {
        if let probed { return probed }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import sys; print('%d.%d' % sys.version_info[:2]); print(sys.executable); print(sys.base_prefix)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        var found: Interpreter?
        if (try? process.run()) != nil {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            if lines.count == 3, let version = Self.version(of: "python" + lines[0]), FileManager.default.isExecutableFile(atPath: lines[1]) {
                found = Interpreter(version: version, executable: lines[1], prefix: lines[2])
            }
        }
        probed = .some(found)
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
            from ctypes import CDLL
            from importlib import util
            from json import dump, load
            from os import dup, dup2, fdopen, getpid, setsid
            from resource import setrlimit, getrlimit, RLIMIT_AS, RLIMIT_CPU, RLIMIT_FSIZE, RLIMIT_NOFILE, RLIMIT_CORE, RLIMIT_NPROC
            from sys import exit
            try:
                setsid()  # lead a process group the server kills whole (already so when spawned as a group leader)
            except OSError:
                pass
            CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG: SIGKILL when the server goes
            result_out = fdopen(dup(1), "w")
            dup2(2, 1)  # what the script prints goes with its errors; only the wrapper writes the result
            soft, hard = getrlimit(RLIMIT_NPROC)
            setrlimit(RLIMIT_NPROC, (min(soft, 256), min(hard, 256)))
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
            dump(result, result_out, default=str)
            result_out.close()

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
