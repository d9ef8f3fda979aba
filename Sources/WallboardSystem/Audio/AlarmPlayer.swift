#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import WallboardCore

/// Plays the alarm tone through Debian's `aplay` (alsa-utils), never blocking the event loop.
///
/// Why aplay rather than ALSA's kernel PCM ioctls: the device is named as ALSA names it (`default`,
/// `hdmi:CARD=vc4hdmi0`, `plughw:1,0`), and alsa-lib does what the kernel interface leaves to the
/// caller: choosing and converting the format and rate (the Pi's HDMI wants IEC958 subframes, which
/// only alsa-lib's plugins produce), dmix, and the card's own configuration. Doing that with ioctls
/// would be a second, worse alsa-lib.
///
/// Each tone is one `aplay -q -t wav -D DEVICE` child: the WAV goes down a non-blocking pipe on its
/// stdin (a 0.5 s tone is 16 KB, within one pipe buffer; the rest, if any, follows on a 50 ms
/// timer that also reaps the child with WNOHANG), and its stderr is read once it has exited.
/// A tone still playing when the next is due is not doubled. No device, or no aplay, is not an
/// error: it is logged once (until a tone plays again) and `state` says why.
///
/// Used only on the agent's serial queue (`queue`).
public final class AlarmPlayer: @unchecked Sendable {
    let queue: DispatchQueue
    let logger: Logger
    /// The program, looked up on PATH.
    let program: String
    /// Seconds a tone may take past its own length before the child is killed.
    static let grace: Double = 10

    public private(set) var played = 0
    public private(set) var failed = 0
    /// Why the last tone did not play ("no device (aplay: audio open error: …)"); nil once one played.
    public private(set) var problem: String?
    public var isPlaying: Bool { child != nil }

    private struct Child {
        var pid: pid_t
        var device: String
        /// The WAV still to go into its stdin, and that pipe's write end (-1 once closed).
        var wav: [UInt8]
        var written: Int
        var stdin: Int32
        /// The read end of its stderr pipe, read once it has exited (a pipe holds aplay's few lines).
        var stderr: Int32
        var deadline: MonotonicSeconds
        var timer: DispatchSourceTimer
    }
    private var child: Child?
    /// How often a playing child is looked at (feed the rest of the WAV, reap it).
    static let pollInterval = 0.05

    public init(queue: DispatchQueue, logger: Logger, program: String = "aplay") {
        self.queue = queue
        self.logger = logger
        self.program = program
        // aplay that found no device exits before reading its stdin: the write must then be EPIPE,
        // not a SIGPIPE that ends the process (the agent ignores it already; a test process does not).
        signal(SIGPIPE, SIG_IGN)
    }

    /// What status shows: "ready", "playing", or the problem.
    public var state: String { child != nil ? "playing" : problem ?? "ready" }

    /// Starts the tone of `config`; false when one is still playing or the player could not start.
    @discardableResult
    public func play(_ config: AlarmConfig) -> Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        guard child == nil else { return false }
        let wav = AlarmTone(config).wav
        var input: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard Self.pipe(&input) else { return fail("cannot make a pipe: \(Errno(errno))", device: config.device) }
        guard Self.pipe(&errors) else {
            close(input[0]); close(input[1])
            return fail("cannot make a pipe: \(Errno(errno))", device: config.device)
        }
        let arguments = [program, "-q", "-t", "wav", "-D", config.device]
        let spawned = Self.spawn(arguments, stdin: input[0], stderr: errors[1])
        close(input[0])
        close(errors[1])
        guard case .success(let pid) = spawned else {
            close(input[1]); close(errors[0])
            if case .failure(let code) = spawned, code.code == ENOENT {
                return fail("no player (\(program) not found: install alsa-utils)", device: config.device)
            }
            return fail("no player (cannot start \(program): \(spawned))", device: config.device)
        }
        _ = fcntl(input[1], F_SETFL, fcntl(input[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(input[1], 1031 /* F_SETPIPE_SZ */, Int32(min(wav.count, 1 << 20)))
        _ = fcntl(errors[0], F_SETFL, fcntl(errors[0], F_GETFL) | O_NONBLOCK)
        // Looked at on a short timer rather than through read/write sources: a tone lasts half a
        // second, and descriptors that come and go every 30 s are simplest never registered at all.
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: Self.pollInterval, leeway: .milliseconds(10))
        timer.setEventHandler { [weak self] in self?.look() }
        child = Child(
            pid: pid, device: config.device, wav: wav, written: 0, stdin: input[1], stderr: errors[0],
            deadline: SystemClock().now() + config.duration + Self.grace, timer: timer)
        look()
        timer.resume()
        return true
    }

    // MARK: the child

    /// pipe(2), both ends close-on-exec (the loop's only child is the one given them on purpose).
    static func pipe(_ fds: inout [Int32]) -> Bool {
        guard Glibc.pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// posix_spawnp with stdin and stderr given, stdout /dev/null, default signal dispositions and
    /// an empty mask (the agent ignores SIGPIPE and its loop blocks the signals it handles).
    static func spawn(_ arguments: [String], stdin: Int32, stderr: Int32) -> Result<pid_t, Errno> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        return result == 0 ? .success(pid) : .failure(Errno(result))
    }

    /// Writes from `offset` until done or the pipe is full; the new offset, nil when the reader is gone.
    private static func write(_ bytes: [UInt8], from offset: Int, to fd: Int32) -> Int? {
        var at = offset
        while at < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + at, $0.count - at) }
            if n > 0 {
                at += n
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && errno == EAGAIN {
                return at
            } else {
                return nil  // EPIPE: aplay gave up (no device); its stderr says why
            }
        }
        return at
    }

    /// Feeds the rest of the WAV (what the pipe takes now), and reaps the child once it has exited.
    private func look() {
        guard var current = child else { return }
        if current.stdin >= 0 {
            let offset = Self.write(current.wav, from: current.written, to: current.stdin)
            current.written = offset ?? current.wav.count
            if offset == nil || current.written == current.wav.count {
                close(current.stdin)  // aplay sees end of file
                current.stdin = -1
            }
            child = current
        }
        var status: Int32 = 0
        let result = waitpid(current.pid, &status, WNOHANG)
        if result == 0 {
            if SystemClock().now() > current.deadline { kill(current.pid, SIGKILL) }  // reaped on a later look
            return
        }
        current.timer.cancel()
        if current.stdin >= 0 { close(current.stdin) }
        let stderr = Self.readAvailable(current.stderr)
        close(current.stderr)
        child = nil
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        if result == current.pid && exited && code == 0 {
            played += 1
            if let old = problem {
                logger.notice("sound: the alarm tone plays again through \(current.device) (was: \(old))")
                problem = nil
            }
            return
        }
        let why = Self.reason(String(decoding: stderr, as: UTF8.self))
            ?? (exited ? "\(program) exited with status \(code)" : "\(program) killed by signal \(status & 0x7f)")
        let device = why.contains("open error") || why.contains("No such") || why.contains("Unknown PCM") || why.contains("cannot find card")
        _ = fail(device ? "no device (\(why))" : "failed (\(why))", device: current.device)
    }

    /// What a non-blocking pipe holds now, at most 8 KB.
    private static func readAvailable(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 8192 {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes += buffer[0..<n]
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return bytes
    }

    /// aplay's own sentence: its last "aplay: …" line without the source location,
    /// "audio open error: No such file or directory"; else the last line.
    static func reason(_ stderr: String) -> String? {
        let lines = stderr.split(separator: "\n").map { Agent.trimmed(String($0)) }.filter { !$0.isEmpty }
        guard var line = lines.last(where: { $0.hasPrefix("aplay:") }) ?? lines.last else { return nil }
        if line.hasPrefix("aplay: ") { line = String(line.dropFirst(7)) }
        // "main:831: audio open error: …" → "audio open error: …"
        let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, Int(parts[1]) != nil, !parts[0].contains(" ") { line = Agent.trimmed(String(parts[2])) }
        return "aplay: " + line
    }

    /// Counts the failure; the first of a run is logged (a board with no speaker says so once, not every 30 s).
    private func fail(_ why: String, device: String) -> Bool {
        failed += 1
        if problem == nil { logger.warning("sound: the alarm tone cannot play through \(device): \(why); the board runs on without sound") }
        problem = why
        return false
    }
}
