import Foundation
import LedgerModel
import PortraitKit
import PortraitTestSupport
import Testing

/// Whole builds of a generated ledger: what CI and a manager depend on beyond single pages.
@Suite("Building a whole site")
struct SiteBuildTests {
    /// A 300-customer dirty sample in `data/` of a fresh folder.
    static func project(seed: UInt64 = 3) throws -> TemporaryFolder {
        let folder = TemporaryFolder("site-build")
        _ = try LedgerSampler.write(SampleOptions(customers: 300, seed: seed, dirt: 0.02), to: folder.path + "/data")
        return folder
    }

    static func build(_ folder: TemporaryFolder, out: String = "site", locale: SiteLocale? = nil) throws -> BuildSummary {
        var options = BuildOptions()
        options.dataDirectory = folder.path + "/data"
        options.outputDirectory = folder.path + "/" + out
        options.today = Day(iso: "2026-11-22")
        options.locale = locale
        return try BuildPipeline.build(options, runner: StageRunner(total: 7, interactive: false))
    }

    /// Every regular file below `root`, relative path → bytes.
    static func files(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        return result
    }

    @Test("two builds of the same input are byte-identical")
    func buildsAreReproducible() throws {
        let folder = try Self.project()
        _ = try Self.build(folder, out: "one")
        _ = try Self.build(folder, out: "two")
        let one = Self.files(folder.path + "/one"), two = Self.files(folder.path + "/two")
        #expect(one.count > 300)
        #expect(one.keys.sorted() == two.keys.sorted())
        let differing = one.keys.filter { one[$0] != two[$0] }.sorted()
        #expect(differing.isEmpty, "differing files: \(differing.prefix(5))")
    }

    @Test("a rebuild rewrites only the files whose bytes changed and keeps the others' inodes")
    func unchangedFilesAreNotRewritten() throws {
        let folder = try Self.project()
        let first = try Self.build(folder)
        #expect(first.pagesUnchanged == 0)
        let index = folder.path + "/site/index.html"
        let before = try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? Int
        let again = try Self.build(folder)
        #expect(again.pagesWritten == 0, "nothing changed, nothing written")
        #expect(again.pagesUnchanged == first.pagesWritten)
        let after = try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? Int
        #expect(before == after, "the unchanged dashboard is the same file, linked, not rewritten")

        // One more order for the first customer changes its portrait, the dashboard and the
        // exports (and every page quoting a share of total revenue), but not everything.
        let orders = folder.path + "/data/orders.csv"
        var text = try String(contentsOfFile: orders, encoding: .utf8)
        text += "ZZ-NEW-1,C000001,2026-10-30,1234.50,实施服务,专业服务,1,已完成,\n"
        try text.write(toFile: orders, atomically: true, encoding: .utf8)
        let changed = try Self.build(folder)
        #expect(changed.pagesWritten > 0)
        #expect(changed.pagesUnchanged > 0, "files whose bytes did not change are linked, not written")
    }

    static let linkPattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)

    @Test("every link and asset in every page resolves inside the site, in both locales")
    func everyLinkResolves() throws {
        let folder = try Self.project()
        for locale in SiteLocale.allCases {
            _ = try Self.build(folder, out: "site-\(locale.rawValue)", locale: locale)
            let root = folder.path + "/site-\(locale.rawValue)"
            var broken: [String] = []
            for (path, data) in Self.files(root) where path.hasSuffix(".html") {
                let html = String(decoding: data, as: UTF8.self)
                let base = URL(fileURLWithPath: root + "/" + path).deletingLastPathComponent()
                for match in Self.linkPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                    let raw = String(html[Range(match.range(at: 1), in: html)!])
                    guard !raw.hasPrefix("#"), !raw.isEmpty else { continue }
                    let target = raw.split(separator: "#", maxSplits: 1).first.map(String.init) ?? raw
                    let decoded = target.removingPercentEncoding ?? target
                    let resolved = base.appendingPathComponent(decoded).standardizedFileURL.path
                    if !resolved.hasPrefix(root + "/") || !FileManager.default.fileExists(atPath: resolved) {
                        broken.append("\(path): \(raw)")
                    }
                }
            }
            #expect(broken.isEmpty, "\(locale): \(broken.count) broken, e.g. \(broken.prefix(5))")
        }
    }

    @Test("no file of the site names a URL outside it")
    func nothingLoadsFromOutside() throws {
        let folder = try Self.project()
        _ = try Self.build(folder)
        var external: [String] = []
        for (path, data) in Self.files(folder.path + "/site") where !path.hasPrefix("exports/") {
            let text = String(decoding: data, as: UTF8.self)
            for scheme in ["http://", "https://", "src=\"//", "href=\"//", "url(//", "@import"] where text.contains(scheme) {
                external.append("\(path): \(scheme)")
            }
        }
        #expect(external.isEmpty, "\(external.prefix(5))")
    }

    /// A web server's folder linked into the project (`site → /var/www/report`) is where each
    /// build goes: the link stays a link, and a rebuild replaces the folder it leads to.
    @Test("an output that is a symbolic link is built where it leads, and stays a link")
    func aLinkedOutputIsFollowed() throws {
        let folder = try Self.project()
        let www = folder.path + "/www"
        try FileManager.default.createDirectory(atPath: www, withIntermediateDirectories: true)
        // A link to a folder that does not exist yet, relative to the link's folder.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/site", withDestinationPath: "www/report")
        let first = try Self.build(folder)
        #expect(first.pagesWritten > 300)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/site") == "www/report")
        let built = Self.files(www + "/report")
        #expect(built["index.html"] != nil && built.count > 300)

        // A rebuild after a change replaces the linked folder and keeps the link.
        let orders = folder.path + "/data/orders.csv"
        let text = try String(contentsOfFile: orders, encoding: .utf8)
        try (text + "ZZ-NEW-1,C000001,2026-10-30,1234.50,实施服务,专业服务,1,已完成,\n").write(toFile: orders, atomically: true, encoding: .utf8)
        let second = try Self.build(folder)
        #expect(second.pagesWritten > 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/site") == "www/report")
        let rebuilt = Self.files(www + "/report")
        #expect(rebuilt["index.html"] != built["index.html"], "the linked folder holds the new site")
        #expect(FileManager.default.contents(atPath: folder.path + "/site/index.html") == rebuilt["index.html"],
                "the link leads to the new site")
        // Nothing was staged or kept beside the link.
        let top = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(top == ["data", "site", "www"])

        // The same site as a build into a plain folder.
        _ = try Self.build(folder, out: "plain")
        #expect(Self.files(folder.path + "/plain") == rebuilt, "the same site as a build into a plain folder")
    }

    /// A chain of links, one of them to nothing yet, and trailing slashes, lead to one folder;
    /// the site swapped out there is not kept beside it (it is likely a web server's folder,
    /// which would go on serving the old pages from a hidden folder).
    @Test("a chain of links leads to one folder, and the old site is not kept beside it")
    func aChainOfLinksIsFollowed() throws {
        let folder = try Self.project()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/site", withDestinationPath: "mid")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/mid", withDestinationPath: "www/report")
        _ = try Self.build(folder, out: "site//")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/www/report/index.html"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/mid") == "www/report")
        let second = try Self.build(folder, out: "site/")
        #expect(second.pagesUnchanged > 300, "the rebuild linked the unchanged pages")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/www") == ["report"],
                "no staging folder, no kept site beside the target")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["data", "mid", "site", "www"])

        // Links that go round in a loop are named as such, and left as they are.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/b", withDestinationPath: "a")
        #expect {
            try Self.build(folder, out: "a")
        } throws: { error in
            String(describing: error).contains("symbolic link that leads round in a loop")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/a") == "b")
    }
}
