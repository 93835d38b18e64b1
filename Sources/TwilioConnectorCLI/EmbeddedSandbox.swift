import ArgumentParser
import Foundation
import Logging
import Synchronization
import TwilioKit
import TwilioSandbox

/// The sandbox every `twilio-connector` process of a user shares when no Twilio credentials are
/// set: its state lives in one file, so `run sendSMS` then `run getMessage` find the same message.
/// One process owns it (it holds the file's lock and serves the sandbox); the others, started
/// meanwhile, are its clients over HTTP — so two processes never write the file at once.
struct EmbeddedSandbox: Sendable {
    /// The sandbox's base URL.
    let baseURL: String
    /// Its account and token.
    let accountSID: String
    let authToken: String
    /// The sandbox this process serves, when it is the owner (stop it when done).
    let owned: SandboxServer?
    /// The lock that makes this process the owner, released on stop.
    private let lock: StateFileLock?

    /// The TwilioKit configuration that talks to it.
    var clientConfiguration: TwilioConfiguration {
        TwilioConfiguration(credentials: .authToken(accountSID: accountSID, authToken: authToken), endpoint: .baseURL(baseURL))
    }

    /// Stops the sandbox if this process owns it, and gives up ownership.
    func stop() async {
        await owned?.stop()
        lock?.release()
    }

    /// The default state file: `$XDG_STATE_HOME/twilio-connector/sandbox.sqlite`, or
    /// `~/.local/state/twilio-connector/sandbox.sqlite`.
    static var defaultStateFile: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        return (base as NSString).appendingPathComponent("twilio-connector/sandbox.sqlite")
    }

    /// Joins the sandbox kept in `stateFile` (`nil`: in memory, this process only): as a client of
    /// the process that owns it, or as its owner, serving it on `preferredPort` (or any free port).
    static func attach(stateFile: String?, preferredPort: Int) async throws -> EmbeddedSandbox {
        guard let stateFile else { return try await serve(stateFile: nil, port: preferredPort, lock: nil) }
        try FileManager.default.createDirectory(atPath: (stateFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let deadline = ContinuousClock.now + .seconds(15)
        while true {
            if let lock = try StateFileLock(acquiring: stateFile + ".lock") {
                return try await serve(stateFile: stateFile, port: preferredPort, lock: lock)
            }
            if let owner = OwnerRecord.read(beside: stateFile), await owner.isServing() {
                return EmbeddedSandbox(baseURL: owner.url, accountSID: owner.accountSid, authToken: owner.authToken, owned: nil, lock: nil)
            }
            guard ContinuousClock.now < deadline else {
                throw ValidationError("The sandbox state \(stateFile) is locked by another process that does not answer; stop it, or pass --sandbox-state none.")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    private static func serve(stateFile: String?, port: Int, lock: StateFileLock?) async throws -> EmbeddedSandbox {
        var logger = Logger(label: "twilio-sandbox")
        logger.logLevel = .warning
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(.init(port: port, stateFile: stateFile), logger: logger)
        } catch {
            // The preferred port is taken: any free one will do.
            server = try await SandboxServer.start(.init(port: 0, stateFile: stateFile), logger: logger)
        }
        if let stateFile {
            OwnerRecord(pid: getpid(), url: server.baseURL, accountSid: server.configuration.accountSID,
                        authToken: server.configuration.authToken).write(beside: stateFile)
        }
        return EmbeddedSandbox(baseURL: server.baseURL, accountSID: server.configuration.accountSID,
                               authToken: server.configuration.authToken, owned: server, lock: lock)
    }

    /// Deletes the state kept in `stateFile`, unless a process is using it.
    static func reset(stateFile: String) throws {
        guard let lock = try StateFileLock(acquiring: stateFile + ".lock") else {
            let owner = OwnerRecord.read(beside: stateFile).map { " (process \($0.pid), \($0.url))" } ?? ""
            throw ValidationError("The sandbox state \(stateFile) is in use\(owner); stop that process first.")
        }
        defer { lock.release() }
        for suffix in ["", "-wal", "-shm", ".owner.json"] where FileManager.default.fileExists(atPath: stateFile + suffix) {
            try FileManager.default.removeItem(atPath: stateFile + suffix)
        }
    }
}

/// Who owns a sandbox state file, written beside it (`<file>.owner.json`, readable by its user only).
struct OwnerRecord: Codable, Sendable {
    let pid: Int32
    let url: String
    let accountSid: String
    let authToken: String

    static func path(beside stateFile: String) -> String { stateFile + ".owner.json" }

    static func read(beside stateFile: String) -> OwnerRecord? {
        FileManager.default.contents(atPath: path(beside: stateFile)).flatMap { try? JSONDecoder().decode(OwnerRecord.self, from: $0) }
    }

    func write(beside stateFile: String) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        // This process serves either way; without the record, the others report the state as locked.
        _ = FileManager.default.createFile(atPath: Self.path(beside: stateFile), contents: data, attributes: [.posixPermissions: 0o600])
    }

    /// Whether its process is alive and its sandbox answers.
    func isServing() async -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let client = TwilioClient(configuration: TwilioConfiguration(
            credentials: .authToken(accountSID: accountSid, authToken: authToken), endpoint: .baseURL(url)))
        let probe = TwilioRequest(.get, .api, "/2010-04-01/Accounts/\(accountSid)/IncomingPhoneNumbers.json", query: ["PageSize": "1"])
        return (try? await client.withTimeout(.seconds(2)).send(probe)) != nil
    }
}

/// An exclusive lock on a file (`flock`), held until released or the process ends — even by
/// `kill -9`, after which the next process takes it.
final class StateFileLock: Sendable {
    /// The open lock file, until released.
    private let descriptor: Mutex<Int32?>

    /// Takes the lock, or answers `nil` when another process holds it.
    init?(acquiring path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ValidationError("The lock file \(path) cannot be opened: \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = Mutex(descriptor)
    }

    /// Gives the lock up (once; later calls do nothing).
    func release() {
        guard let descriptor = descriptor.withLock({ value in defer { value = nil }; return value }) else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
