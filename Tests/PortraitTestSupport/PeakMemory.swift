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
/// The child is started with `posix_spawn` and reaped with `wait4`, so the figure is this
/// child's own: `getrusage(RUSAGE_CHILDREN)` would give the largest of every child the test
/// process ever waited for, including other tests' running in parallel. Output goes to files
/// in `directory` (`measured.out`, `measured.err`), so no pipe can fill up.
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
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let exited = status & 0x7F == 0
    let stderr = FileManager.default.contents(atPath: errPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return MeasuredRun(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
                       stderr: stderr, peakBytes: usage.ru_maxrss * 1024)
}
