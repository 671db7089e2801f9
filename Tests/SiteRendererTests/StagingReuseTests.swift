import Foundation
import PortraitTestSupport
@testable import SiteRenderer
import Testing

/// A build starts from the site the previous build swapped out (kept as `.site.staging`) and
/// changes only what differs. Whatever happened before (files gone, stray files a user added,
/// hidden entries, builds abandoned or killed midway), the published site must be exactly what
/// the build wrote, and the site it replaced must not have been touched: the two share inodes.
@Suite struct StagingReuseTests {
    /// What one build writes: path → content version, and whether the page has a fingerprint.
    struct Plan {
        var files: [String: (version: Int, fingerprinted: Bool)] = [:]
    }

    static func bytes(_ path: String, _ version: Int) -> [UInt8] {
        Array("\(path) v\(version)\n".utf8) + [UInt8](repeating: UInt8(version & 0x7F), count: version % 3 * 5000)
    }

    static func fingerprint(_ path: String, _ version: Int) -> Fingerprint {
        Array("\(path)#\(version)".utf8).withUnsafeBytes { Fingerprint.of($0) }
    }

    /// Writes `plan` the way the renderer does: a fingerprinted page is first offered for reuse,
    /// and rendered only when that fails. Returns the writer, not yet committed.
    static func write(_ plan: Plan, into output: String, stoppingAfter limit: Int = .max) throws -> SiteWriter {
        let writer = try SiteWriter(output: output)
        for (count, (path, file)) in plan.files.sorted(by: { $0.key < $1.key }).enumerated() {
            if count == limit { break }
            if file.fingerprinted {
                let fingerprint = fingerprint(path, file.version)
                if try writer.linkUnchanged(path, fingerprint: fingerprint) { continue }
                try bytes(path, file.version).withUnsafeBytes { try writer.write(path, $0, fingerprint: fingerprint) }
            } else {
                try writer.write(path, bytes(path, file.version))
            }
        }
        return writer
    }

    /// Every file under `root` but Portrait's own marker and manifest, by path.
    static func tree(_ root: String) -> [String: [UInt8]] {
        SiteBuilder.files(root).filter { $0.key != SiteWriter.marker && $0.key != SiteWriter.manifest }
    }

    /// `count` portraits, each with a fingerprint, at version 1.
    static func portraits(_ count: Int, version: Int = 1) -> Plan {
        var plan = Plan()
        for index in 0..<count { plan.files["customers/C\(index).html"] = (version, true) }
        return plan
    }

    /// A temporary project whose `site/` was built from `plan` twice, so that the site the
    /// second build replaced is kept beside it as `.site.staging`.
    static func keptSite(_ plan: Plan) throws -> (folder: TemporaryFolder, output: String) {
        let folder = TemporaryFolder("staging-reuse")
        let output = folder.path + "/site"
        try write(plan, into: output).commit()
        try write(plan, into: output).commit()
        return (folder, output)
    }

    /// The paths where two trees differ (missing, extra or other bytes), for short messages.
    static func differences(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    static func expected(_ plan: Plan) -> [String: [UInt8]] {
        plan.files.reduce(into: [:]) { $0[$1.key] = bytes($1.key, $1.value.version) }
    }

    @Test(arguments: 1...6)
    func manyBuildsPublishExactlyWhatTheyWroteAndNeverTouchTheSiteTheyReplace(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let folder = TemporaryFolder("staging-reuse")
        let output = folder.path + "/site", staging = folder.path + "/.site.staging"
        let paths = (0..<40).map { "customers/C\($0).html" } + ["index.html", "exports/customers.csv", "assets/site.css"]
            + (0..<6).map { "teams/t\($0 % 2)/customers/C\($0).html" }
        var plan = Plan()
        for path in paths where random.next() % 4 != 0 {
            plan.files[path] = (Int(random.next() % 3), path.contains("/C"))
        }
        var published = false
        var reuses = 0
        for build in 0..<14 {
            // Change a few pages, drop some, add some.
            for path in paths {
                switch random.next() % 20 {
                case 0: plan.files[path] = nil
                case 1, 2: plan.files[path] = (Int(random.next() % 4), path.contains("/C"))
                default: break
                }
            }
            // Now and then: a stray file or a hidden entry in the live site, a build abandoned or
            // killed (its staging folder left as it was) before the real one.
            if published {
                switch random.next() % 6 {
                case 0: folder.write("site/stray-\(build).html", "added by hand")
                case 1: folder.write("site/.git/HEAD", "ref: refs/heads/gh-pages \(build)\n")
                default: break
                }
            }
            let live = Self.tree(output)
            if published {
                switch random.next() % 4 {
                case 0:
                    let abandoned = try Self.write(plan, into: output, stoppingAfter: Int(random.next() % 20))
                    abandoned.abandon()
                case 1:
                    var other = plan
                    for path in paths { other.files[path] = (9, true) }
                    _ = try Self.write(other, into: output, stoppingAfter: Int(random.next() % 30))
                default: break
                }
                #expect(Self.tree(output) == live, "build \(build): an unfinished build changed the site")
            }
            let hidden = live.filter { $0.key.hasPrefix(".") }
            let writer = try Self.write(plan, into: output)
            if writer.reusedStaging { reuses += 1 }
            try writer.commit()

            var want = Self.expected(plan)
            want.merge(hidden) { $1 }
            let site = Self.tree(output)
            #expect(site.keys.sorted() == want.keys.sorted(), "build \(build): the same files")
            #expect(site.filter { want[$0.key] != $0.value }.isEmpty, "build \(build): the same bytes")
            if FileManager.default.fileExists(atPath: staging) {
                // The swapped-out site is the one replaced, unchanged (hidden entries moved on).
                let kept = Self.tree(staging).filter { !$0.key.hasPrefix(".") }
                #expect(kept == live.filter { !$0.key.hasPrefix(".") }, "build \(build): the replaced site was changed")
            }
            published = true
        }
        #expect(reuses >= 4, "most builds start from the previous build's staging folder (\(reuses))")
    }

    @Test func aRebuildWithNothingChangedMakesNoSystemCallPerPage() throws {
        let folder = TemporaryFolder("staging-reuse")
        let output = folder.path + "/site"
        var plan = Plan()
        for index in 0..<50 { plan.files["customers/C\(index).html"] = (1, true) }
        plan.files["index.html"] = (1, false)
        try Self.write(plan, into: output).commit()
        #expect(!folder.exists(".site.staging"), "a first build leaves no staging folder")
        let second = try Self.write(plan, into: output)
        #expect(!second.reusedStaging)
        try second.commit()
        #expect(folder.exists(".site.staging"), "a build that linked most files keeps the site it replaced")
        let third = try Self.write(plan, into: output)
        #expect(third.reusedStaging)
        #expect(third.kept == 51 && third.written == 0)
        try third.commit()
        #expect(Self.differences(Self.tree(output), Self.expected(plan)) == [])
    }

    @Test func aBuildThatRewritesMostFilesRemovesTheSiteItReplaced() throws {
        let (folder, output) = try Self.keptSite(Self.portraits(20))
        #expect(folder.exists(".site.staging"))
        let plan = Self.portraits(20, version: 2)
        try Self.write(plan, into: output).commit()
        #expect(!folder.exists(".site.staging"), "keeping it would double the site's disk space")
        #expect(Self.differences(Self.tree(output), Self.expected(plan)) == [])
    }

    @Test func aBuildKilledMidwayLeavesAStagingFolderTheNextBuildDoesNotTrust() throws {
        let plan = Self.portraits(10), other = Self.portraits(10, version: 2)
        let (folder, output) = try Self.keptSite(plan)
        defer { withExtendedLifetime(folder) {} }
        // Started from the kept folder, rewrote half its pages, never committed nor abandoned.
        let killed = try Self.write(other, into: output, stoppingAfter: 5)
        #expect(killed.reusedStaging && killed.written == 5)
        let writer = try Self.write(plan, into: output)
        #expect(!writer.reusedStaging)
        try writer.commit()
        #expect(Self.differences(Self.tree(output), Self.expected(plan)) == [])
    }

    @Test func aFileWhereTheKeptSiteHasAFolderAndTheOtherWayRound() throws {
        var plan = Self.portraits(12)
        plan.files["teams/t1/index.html"] = (1, false)
        plan.files["notes"] = (1, false)
        let (folder, output) = try Self.keptSite(plan)
        try Self.write(plan, into: output).commit()
        #expect(folder.exists(".site.staging/teams/t1/index.html"))
        // `teams` becomes a file, `notes` a folder.
        plan.files["teams/t1/index.html"] = nil
        plan.files["teams"] = (2, false)
        plan.files["notes"] = nil
        plan.files["notes/a.html"] = (2, false)
        let writer = try Self.write(plan, into: output)
        #expect(writer.reusedStaging)
        try writer.commit()
        #expect(Self.differences(Self.tree(output), Self.expected(plan)) == [])
        let again = try Self.write(plan, into: output)
        try again.commit()
        #expect(Self.differences(Self.tree(output), Self.expected(plan)) == [])
    }

    @Test func aSymbolicLinkInTheSiteIsNeitherFollowedNorKept() throws {
        var plan = Self.portraits(12)
        plan.files["assets/site.css"] = (1, false)
        let (folder, output) = try Self.keptSite(plan)
        // A user points the live site's assets at a theme of their own.
        folder.write("theme/site.css", "the user's theme")
        try FileManager.default.removeItem(atPath: output + "/assets")
        try FileManager.default.createSymbolicLink(atPath: output + "/assets", withDestinationPath: folder.path + "/theme")
        for version in [2, 3, 2] {
            plan.files["assets/site.css"] = (version, false)
            try Self.write(plan, into: output).commit()
            #expect(Self.differences(Self.tree(output), Self.expected(plan)) == [])
            #expect(folder.read("theme/site.css") == "the user's theme", "a write went through the link")
        }
    }

    @Test func aGitFolderLeftInTheStagingFolderByAKilledCommitGoesBackToTheSite() throws {
        let plan = Self.portraits(12)
        let (folder, output) = try Self.keptSite(plan)
        folder.write("site/.git/HEAD", "ref: refs/heads/gh-pages\n")
        folder.write("site/.gitkeep", "")
        try Self.write(plan, into: output).commit()
        // Killed between carrying `.git` over and the swap: the site has none, the folder has it.
        try FileManager.default.moveItem(atPath: output + "/.git", toPath: folder.path + "/.site.staging/.git")
        try Self.write(plan, into: output).commit()
        #expect(folder.read("site/.git/HEAD") == "ref: refs/heads/gh-pages\n")
        #expect(folder.exists("site/.gitkeep"))
        #expect(!folder.exists(".site.staging/.git"))
    }

    @Test func aStagingFolderWithoutItsManifestIsNotTrusted() throws {
        let plan = Self.portraits(10)
        let (folder, output) = try Self.keptSite(plan)
        // A build killed midway: the manifest is gone, a page holds other bytes.
        try FileManager.default.removeItem(atPath: folder.path + "/.site.staging/" + SiteWriter.manifest)
        folder.write(".site.staging/customers/C3.html", "half written")
        let writer = try Self.write(plan, into: output)
        #expect(!writer.reusedStaging)
        try writer.commit()
        #expect(Self.differences(Self.tree(output), Self.expected(plan)) == [])
    }
}
