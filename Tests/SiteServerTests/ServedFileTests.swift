import Foundation
import PortraitTestSupport
@testable import SiteServer
import Testing

@Suite("What portrait serve sends for a path")
struct ServedFileTests {
    /// A site with a page, a folder page, an asset, a hidden manifest and a link leading out.
    static func site() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("outside.txt", "secret")
        folder.write("site/index.html", "<html><body>home</body></html>")
        folder.write("site/teams/index.html", "<html><body>teams</body></html>")
        folder.write("site/assets/site.css", "body {}")
        folder.write("site/exports/customers.csv", "id\n")
        folder.write("site/.portrait-manifest", "hidden")
        try! FileManager.default.createSymbolicLink(atPath: folder.path + "/site/leak.txt", withDestinationPath: folder.path + "/outside.txt")
        return folder
    }

    @Test("files inside the site, a folder's index page, with their types")
    func servesTheSite() throws {
        let folder = Self.site()
        let root = folder.path + "/site"
        let home = try #require(ServedFile.resolve("/", in: root))
        #expect(home.path.hasSuffix("/site/index.html") && home.isPage && home.contentType == "text/html; charset=utf-8")
        #expect(ServedFile.resolve("/teams", in: root)?.path.hasSuffix("/site/teams/index.html") == true)
        #expect(ServedFile.resolve("/teams/", in: root)?.path.hasSuffix("/site/teams/index.html") == true)
        let css = try #require(ServedFile.resolve("/assets/site.css", in: root))
        #expect(css.contentType == "text/css; charset=utf-8" && !css.isPage)
        #expect(ServedFile.resolve("/exports/customers.csv", in: root)?.contentType == "text/csv; charset=utf-8")
        // What a user's templates may add under assets/ (a logo, a font).
        for (name, type) in [("logo.png", "image/png"), ("logo.JPG", "image/jpeg"), ("brand.woff2", "font/woff2"),
                             ("brand.ttf", "font/ttf"), ("x.bin", "application/octet-stream")] {
            folder.write("site/assets/" + name, "x")
            #expect(ServedFile.resolve("/assets/" + name, in: root)?.contentType == type, "\(name)")
        }
    }

    @Test("nothing outside the site, nothing hidden, nothing missing", arguments: [
        "/../outside.txt", "/assets/../../outside.txt", "/leak.txt", "/.portrait-manifest", "/assets/./site.css",
        "/missing.html", "/assets", "/index.html\0.css",
    ])
    func refusesTheRest(path: String) {
        let folder = Self.site()
        #expect(ServedFile.resolve(path, in: folder.path + "/site") == nil, "\(path)")
    }

    @Test("no site yet: nothing is served")
    func noSite() {
        #expect(ServedFile.resolve("/", in: TemporaryFolder().path + "/site") == nil)
    }

    @Test("the live script goes before the last </body>, or at the end of a page without one")
    func injectsTheScript() {
        let tag = LiveReload.tag(version: 7)
        #expect(tag == "<script src=\"/__portrait/live.js\" data-version=\"7\"></script>")
        func injected(_ page: String) -> String { String(decoding: ServedFile.inject(tag, into: Data(page.utf8)), as: UTF8.self) }
        #expect(injected("<p>a</body> x </body>\n</html>") == "<p>a</body> x \(tag)</body>\n</html>")
        #expect(injected("<BODY>x</BODY>") == "<BODY>x\(tag)</BODY>")
        #expect(injected("<p>fragment") == "<p>fragment\(tag)")
    }

    @Test("a build's error reaches the page as a string literal that cannot end the script")
    func statusIsEscaped() {
        var status = LiveSite.Status()
        status.version = 3
        status.failure = "data/orders.csv:2: bad \"amount\"\n</script><script>alert(1)</script> 金额"
        let script = LiveReload.status(status)
        #expect(script.hasPrefix("window.__portraitLive && window.__portraitLive(3, \""))
        #expect(!script.contains("</script>"))
        #expect(script.contains("\\\"amount\\\"\\n\\u003c/script\\u003e"))
        #expect(script.contains("金额"))
        #expect(LiveReload.status(LiveSite.Status()) == "window.__portraitLive && window.__portraitLive(0, null, false);\n")
    }

    @Test("the missing page escapes the path and carries the live script")
    func missingPage() {
        var status = LiveSite.Status()
        status.version = 2
        let page = LiveReload.missingPage(path: "/<img src=x>.html", status: status)
        #expect(page.contains("/&lt;img src=x&gt;.html") && !page.contains("<img"))
        #expect(page.contains(LiveReload.tag(version: 2)))
        #expect(LiveReload.missingPage(path: "/", status: LiveSite.Status()).contains("being built"))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
    }
}

@Suite("What portrait serve watches")
struct InputStampTests {
    @Test("a file written, added, removed or replaced changes the stamp; hidden names, the site and linked folders do not")
    func stampChanges() throws {
        let folder = TemporaryFolder()
        folder.write("data/customers.csv", "a")
        folder.write("portrait.yml", "title: x\n")
        let inputs = [folder.path + "/data", folder.path + "/portrait.yml", folder.path + "/templates"]
        let skipped = [folder.path + "/data/site"]
        func stamp() -> InputStamp { InputStamp(of: inputs, skipping: skipped) }

        let first = stamp()
        #expect(first.entries.count == 2)
        #expect(stamp() == first)

        folder.write("data/.hidden", "x")
        folder.write("data/site/index.html", "a page")
        try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere", withIntermediateDirectories: true)
        folder.write("elsewhere/big.csv", "x")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/data/linked", withDestinationPath: folder.path + "/elsewhere")
        #expect(stamp() == first, "hidden names, the site and a linked folder are not watched")

        folder.write("data/customers.csv", "b")
        let rewritten = stamp()
        #expect(rewritten != first, "same size, new bytes: the change time moves")

        folder.write("templates/assets/site.css", "body {}")
        let added = stamp()
        #expect(added != rewritten && added.entries.count == 3)

        try FileManager.default.removeItem(atPath: folder.path + "/portrait.yml")
        #expect(stamp() != added)
        #expect(stamp().entries.count == 2)
    }

    /// `--data . --out site` with `site → out/report`: the folder the link leads to is the
    /// site too, reached from the data folder under another name; watching it would build
    /// again after every build.
    @Test("a site reached through a link is not watched under its real name")
    func aLinkedSiteIsSkipped() throws {
        let folder = TemporaryFolder()
        folder.write("customers.csv", "a")
        folder.write("out/report/index.html", "a page")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/site", withDestinationPath: "out/report")
        let stamp = InputStamp(of: [folder.path], skipping: [folder.path + "/site"])
        #expect(stamp.entries.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["customers.csv"])
        // The project given through a link to it, the site by a path through that link.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/project", withDestinationPath: folder.path)
        let throughLink = InputStamp(of: [folder.path + "/project"], skipping: [folder.path + "/project/site"])
        #expect(throughLink.entries.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["customers.csv"])
    }
}
