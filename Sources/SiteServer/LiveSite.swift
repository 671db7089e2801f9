import Foundation
import PortraitKit
import SiteRenderer
import Synchronization

/// The site `portrait serve` keeps fresh: built once, then again whenever the data folder, the
/// configuration or the templates change. Pages poll ``status`` and reload at a new version.
///
/// A build that fails leaves the previous site in place (as `portrait build` does) and its
/// message in ``Status/failure`` until a build succeeds; the pages show it over the old site.
package final class LiveSite: Sendable {
    package struct Status: Sendable, Equatable {
        /// Builds that succeeded since the server started; a page reloads when it changes.
        package var version = 0
        /// The last build's error message, nil when it succeeded.
        package var failure: String?
        package var building = false
    }

    package let options: BuildOptions
    private let state = Mutex(Status())
    /// Pauses between looks at the inputs, and before building what changed (so that a file
    /// still being written, say by a CRM export, is read once it is whole).
    private let pollInterval: TimeInterval, settleInterval: TimeInterval

    package init(options: BuildOptions, pollInterval: TimeInterval = 0.5, settleInterval: TimeInterval = 0.3) {
        self.options = options
        self.pollInterval = pollInterval
        self.settleInterval = settleInterval
    }

    package var status: Status { state.withLock { $0 } }

    /// What the watcher looks at: the build's inputs, without the site and its staging folder
    /// (a data folder may hold the site: `--data . --out site`).
    private var stamp: InputStamp {
        InputStamp(of: BuildPipeline.inputs(options),
                   skipping: [options.outputDirectory, SiteWriter.stagingPath(for: options.outputDirectory)])
    }

    /// Builds now, then watches the inputs and builds again after every change; never returns.
    ///
    /// The waiting is a function of its own: with its two loops inside this one, Swift 6.3's
    /// optimizer (`-c release`) never finished compiling the file (stopped after 50 minutes).
    package func run(report: @escaping @Sendable (String) -> Void) -> Never {
        var built = stamp
        build(report: report)
        while true {
            built = nextChange(after: built)
            report("Inputs changed; building again.\n")
            build(report: report)
        }
    }

    /// Waits until the inputs differ from `built` and then hold still, and returns them.
    private func nextChange(after built: InputStamp) -> InputStamp {
        var seen = built
        while seen == built {
            Thread.sleep(forTimeInterval: pollInterval)
            seen = stamp
        }
        var settled = seen
        repeat {
            seen = settled
            Thread.sleep(forTimeInterval: settleInterval)
            settled = stamp
        } while settled != seen
        return settled
    }

    /// One build of the site; the outcome goes to ``status`` and to `report`.
    package func build(report: (String) -> Void) {
        state.withLock { $0.building = true }
        do {
            let summary = try BuildPipeline.build(options, runner: StageRunner(total: BuildStage.allCases.count))
            state.withLock { $0 = Status(version: $0.version + 1, failure: nil, building: false) }
            report(summary.report(output: options.outputDirectory, data: options.dataDirectory))
        } catch {
            let message = (error as? PortraitError)?.description ?? String(describing: error)
            state.withLock {
                $0.failure = message
                $0.building = false
            }
            report("portrait: \(message)\nThe previous site is still served; fix the input and save it to build again.\n")
        }
    }
}
