import Foundation

/// A run of the `portrait` binary with the peak resident memory the kernel recorded for it.
package struct MeasuredRun: Sendable {
    package var status: Int32
    package var stderr: String
    /// `ru_maxrss` of this one child, in bytes.
    package var peakBytes: Int
}

/// Runs `portrait` and returns its exit status, stderr and peak resident memory.
///
/// The child runs in the test's working directory, so paths in `arguments` should be absolute.
/// Output goes to files in `directory` (`measured.out`, `measured.err`), so no pipe can fill up.
///
/// The peak is the child's own `VmHWM` (the high-water mark of the memory its program mapped),
/// read from `/proc/PID/status` every 2 ms until it exits, the last reading kept. Its
/// `ru_maxrss` is not: `posix_spawn` starts the child sharing the test process's memory, and
/// Linux carries that memory's high-water mark into `ru_maxrss` across `exec`, so a child
/// started while the test process held 130 MB "peaked" at 130 MB whatever it used
/// (`getrusage(RUSAGE_CHILDREN)` is worse still: the largest of every child ever reaped).
/// Elsewhere than Linux, `ru_maxrss` it is.
package func runPortraitMeasuringMemory(_ arguments: [String], outputIn directory: String,
                                        environment: [String: String] = [:]) throws -> MeasuredRun {
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    let argv = ([portraitExecutable.path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
    }
    let outPath = directory + "/measured.out", errPath = directory + "/measured.err"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var pid = pid_t()
    let spawned = posix_spawn(&pid, portraitExecutable.path, &actions, nil, argv, envp)
    guard spawned == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn failed: \(spawned)"])
    }
    var status: Int32 = 0
    var usage = rusage()
    var highWater: Int?
    while true {
        let reaped = wait4(pid, &status, WNOHANG, &usage)
        if reaped == pid || (reaped < 0 && errno != EINTR) { break }
        if let bytes = programHighWater(pid) { highWater = bytes }
        usleep(2_000)
    }
    let exited = status & 0x7F == 0
    let stderr = FileManager.default.contents(atPath: errPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return MeasuredRun(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                       stderr: stderr, peakBytes: highWater ?? usage.ru_maxrss * 1024)
}

/// `VmHWM` of process `pid` in bytes once it runs the `portrait` program (before its `exec`
/// the status describes the test process's memory), nil when unreadable.
private func programHighWater(_ pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    var name: Substring?, kilobytes: Int?
    for line in status.split(separator: "\n") {
        if line.hasPrefix("Name:") { name = line.dropFirst(5).drop { $0 == " " || $0 == "\t" } }
        if line.hasPrefix("VmHWM:") { kilobytes = Int(line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") }
    }
    guard name == Substring(portraitExecutable.lastPathComponent.prefix(15)), let kilobytes else { return nil }
    return kilobytes * 1024
}
