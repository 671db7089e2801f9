import Foundation
import PortraitTestSupport
import Testing

/// Runs the Python browser suite in `Tests/Browser` (pytest, Selenium, headless Chromium, axe)
/// against sites that the built `portrait` writes, so `swift test` checks what a person sees.
///
/// The suite needs Chromium, chromedriver and the packages in `Tests/Browser/requirements.txt`,
/// which `.ci/run` installs. Without them the test fails in CI (`CI=true`) and is skipped with a
/// printed reason elsewhere, so a laptop without a browser can still run `swift test`.
@Suite("The site in a browser")
struct BrowserTests {
    @Test("the site works in a real browser", .timeLimit(.minutes(20)))
    func siteWorksInARealBrowser() async throws {
        let tools = BrowserTools.find()
        guard tools.missing.isEmpty, let python = tools.python else {
            let missing = tools.missing.joined(separator: "; ")
            let remedy = "Install them with .ci/run, or: apt-get install chromium chromium-driver fonts-noto-cjk "
                + "&& python3 -m pip install -r Tests/Browser/requirements.txt"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record(Comment(rawValue: "The browser tests cannot run in CI: \(missing). \(remedy)"))
            } else {
                print("Browser tests skipped (not in CI): \(missing). \(remedy)")
            }
            return
        }

        let run = try await runPytest(python: python, chromedriver: tools.chromedriver)
        let summary = run.output.split(separator: "\n", omittingEmptySubsequences: false)
            .last(where: { $0.contains(" in ") && ($0.contains("passed") || $0.contains("failed") || $0.contains("error")) })
            .map(String.init) ?? "(pytest printed no summary line)"
        print("Browser tests: \(summary.trimmingCharacters(in: CharacterSet(charactersIn: "= ")))")
        #expect(run.status == 0, Comment(rawValue: "pytest exited with \(run.status):\n\(Self.failureReport(run.output))"))
    }

    /// The part of pytest's output that says what failed: the failure sections' last lines and
    /// the short summary, cut to a size a test report can hold.
    static func failureReport(_ output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var report: [String] = []
        if let start = lines.firstIndex(where: { $0.contains("short test summary info") }) {
            report = Array(lines[start...])
        }
        let errors = lines.filter { $0.hasPrefix("E ") }.prefix(60)
        let text = (Array(errors) + [""] + (report.isEmpty ? Array(lines.suffix(80)) : report))
            .joined(separator: "\n")
        return text.count > 20_000 ? String(text.suffix(20_000)) : text
    }
}

/// The programs the browser suite needs, as found on this machine.
private struct BrowserTools {
    var python: URL?
    var chromedriver: String = "/usr/bin/chromedriver"
    var missing: [String] = []

    static func find() -> BrowserTools {
        var tools = BrowserTools()
        tools.python = executable(named: "python3")
        if tools.python == nil { tools.missing.append("python3 is not on PATH") }
        if executable(named: "chromium") == nil && executable(named: "chromium-browser") == nil {
            tools.missing.append("chromium is not installed (apt: chromium)")
        }
        if let driver = executable(named: "chromedriver") {
            tools.chromedriver = driver.path
        } else if !FileManager.default.isExecutableFile(atPath: tools.chromedriver) {
            tools.missing.append("chromedriver is not installed (apt: chromium-driver)")
        }
        if let python = tools.python {
            let check = try? run(python, ["-c", "import pytest, selenium, axe_selenium_python"])
            if check?.status != 0 {
                tools.missing.append("python3 cannot import pytest, selenium and axe_selenium_python "
                    + "(pip install -r Tests/Browser/requirements.txt)")
            }
        }
        return tools
    }

    static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A finished child process: its exit status and everything it wrote to stdout and stderr.
private struct Finished: Sendable {
    var status: Int32
    var output: String
}

/// Runs `executable` to the end, blocking the calling thread; for quick checks only.
private func run(_ executable: URL, _ arguments: [String]) throws -> Finished {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return Finished(status: process.terminationStatus, output: "")
}

/// Runs `python3 -m pytest Tests/Browser -q` in the package root and waits without holding a
/// thread of the test runner's pool: the suite takes minutes on two cores.
private func runPytest(python: URL, chromedriver: String) async throws -> Finished {
    let process = Process()
    process.executableURL = python
    process.arguments = ["-m", "pytest", "Tests/Browser", "-q"]
    process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    var environment = ProcessInfo.processInfo.environment
    environment["PORTRAIT_BIN"] = portraitExecutable.path
    environment["PORTRAIT_ROOT"] = packageRoot
    environment["CHROMEDRIVER"] = chromedriver
    environment["SOURCE_DATE_EPOCH"] = "1795000000"
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice

    return try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            continuation.resume(returning: Finished(status: process.terminationStatus,
                                                    output: String(decoding: data, as: UTF8.self)))
        }
    }
}
