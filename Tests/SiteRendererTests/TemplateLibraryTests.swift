import Foundation
import PortraitTestSupport
@testable import SiteRenderer
import Testing

@Suite struct TemplateLibraryTests {
    @Test func aSyntaxErrorNamesFileLineAndColumn() {
        let files = ["page-quality.mustache": "<h1>{{title}}</h1>\n<p>\n  {{#rows}}{{name}}{{/row}}\n</p>\n"]
        #expect {
            try TemplateLibrary(files: files, origin: "my-templates")
        } throws: { error in
            let error = error as! TemplateError
            return error.file == "my-templates/page-quality.mustache" && error.line == 3 && error.column != nil
                && error.description.hasPrefix("my-templates/page-quality.mustache:3:")
        }
    }

    @Test func aMissingTemplatesFolderIsNamed() {
        #expect {
            try TemplateLibrary(directory: "/nonexistent/templates")
        } throws: { error in
            (error as? TemplateError)?.description.contains("/nonexistent/templates") == true
        }
    }

    @Test func aUserFolderOverridesFileByFile() throws {
        let folder = TemporaryFolder("portrait-templates")
        folder.write("assets/site.css", "body{color:red}")
        folder.write("footer.mustache", "<footer>Acme Corp</footer>")
        let pages = try SiteRenderer.renderAll(SiteFixture.content(templates: folder.path))
        #expect(pages["assets/site.css"]!.hasSuffix("body{color:red}"))
        #expect(pages["index.html"]!.contains("<footer>Acme Corp</footer>"))
        #expect(pages["index.html"]!.contains("<h1>概览</h1>"))
    }

    @Test func aBrokenUserTemplateStopsTheBuildWithItsLocation() {
        let folder = TemporaryFolder("portrait-templates")
        folder.write("page-dashboard.mustache", "{{<layout}}\n{{$main}}\n{{#kpis}}\n{{/main}}\n{{/layout}}\n")
        #expect(throws: TemplateError.self) { try SiteRenderer.renderAll(SiteFixture.content(templates: folder.path)) }
    }

    /// Each of these crashed swift-mustache (stack overflow while rendering or parsing) or took
    /// minutes to compile; found by fuzzing a templates folder.
    @Test(arguments: [
        (["footer.mustache": "{{> footer}}"], "footer → footer"),
        (["header.mustache": "{{>footer}}", "footer.mustache": "<p>{{#siteTitle}}{{> header }}{{/siteTitle}}</p>"], "footer → header → footer"),
        (["footer.mustache": "{{<layout}}{{$main}}x{{/main}}{{/layout}}"], "footer → layout → footer"),
        (["footer.mustache": String(repeating: "{{#siteTitle}}", count: 5000) + "x" + String(repeating: "{{/siteTitle}}", count: 5000)],
         "nested 5000 deep"),
        (["footer.mustache": "{{=<% %>=}}" + String(repeating: "<%#siteTitle%>", count: 200) + String(repeating: "<%/siteTitle%>", count: 200)],
         "nested 200 deep"),
        (["footer.mustache": "{{! many }}\n" + String(repeating: "{{siteTitle}}", count: 10_001)], "10002 tags"),
    ] as [([String: String], String)])
    func templatesThatWouldNotEndAreRefused(files: [String: String], reason: String) {
        var all = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.path, $0.text) })
        for (path, text) in files { all[path] = text }
        #expect {
            try TemplateLibrary(files: all, origin: "my-templates")
        } throws: { error in
            let error = error as! TemplateError
            return error.file.hasPrefix("my-templates/") && error.reason.contains(reason)
        }
    }

    @Test func nestingAndTagsWithinTheLimitsAndTheBuiltInTemplatesPass() throws {
        let deep = String(repeating: "{{#siteTitle}}", count: TemplateLibrary.maximumDepth) + "x"
            + String(repeating: "{{/siteTitle}}", count: TemplateLibrary.maximumDepth)
        _ = try TemplateLibrary(files: ["footer.mustache": deep, "header.mustache": String(repeating: "{{a}}", count: TemplateLibrary.maximumTags)])
        _ = try TemplateLibrary(directory: nil)
        let outline = TemplateLibrary.outline("{{#a}}{{> p}}{{^b}}{{{c}}}{{/b}}{{/a}}{{=<% %>=}}<%> q%><%#d%><%/d%>{{e}}")
        #expect(outline.depth == 2 && outline.includes.map(\.name) == ["p", "q"] && outline.tags == 10)
    }

    @Test func theEmbeddedTemplatesEqualTheTemplatesFolder() throws {
        let folder = packageRoot + "/templates"
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
        let embedded = DefaultTemplates.files.map { ($0.path, $0.text) }
        #expect(onDisk == embedded.map(\.0), "run scripts/embed-templates.sh")
        for (path, built) in embedded {
            let disk = FileManager.default.contents(atPath: folder + "/" + path).map { String(decoding: $0, as: UTF8.self) }
            #expect(disk == built, "\(path) differs from its embedded copy: run scripts/embed-templates.sh")
        }
    }

    /// A logo or a font beside the stylesheet reaches the site as it is; files a build does not
    /// use (a README, Windows' `Thumbs.db`) are not read, so they cannot stop it.
    @Test func theUsersOwnAssetsAreCopiedAndOtherFilesIgnored() throws {
        let folder = TemporaryFolder("portrait-templates")
        let logo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x80]
        folder.write("assets/site.css", "body{color:red}")
        _ = folder.write("assets/logo.png", bytes: logo)
        _ = folder.write("assets/fonts/brand.woff2", "wOF2")
        _ = folder.write("Thumbs.db", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xFF])
        _ = folder.write("notes.txt", "not a template")
        _ = folder.write("assets/Thumbs.db", bytes: [0xD0, 0xCF])
        _ = folder.write("assets/mail.mustache", "{{> not-a-template}}")
        let library = try TemplateLibrary(directory: folder.path)
        #expect(library.assets.map(\.path) == ["assets/fonts/brand.woff2", "assets/logo.png", "assets/mail.mustache"])
        #expect(library.assets.map(\.bytes)[1] == Data(logo))
        #expect(library.files["Thumbs.db"] == nil && library.files["notes.txt"] == nil)
        let pages = try SiteRenderer.renderAll(SiteFixture.content(templates: folder.path))
        #expect(pages["assets/fonts/brand.woff2"] == "wOF2")
        #expect(pages["assets/logo.png"] != nil)
        #expect(pages["assets/site.css"]!.hasSuffix("body{color:red}"))
    }

    /// The search index is Portrait's; a folder named like any asset Portrait writes would take
    /// that asset's place in the site.
    @Test(arguments: [("assets/search-index.js", "assets/search-index.js"), ("assets/site.css/x.png", "assets/site.css"),
                      ("assets/site.js/y/z.js", "assets/site.js"), ("assets/search-index.js/a.png", "assets/search-index.js")])
    func aUserFileWherePortraitWritesIsRefused(path: String, written: String) {
        let folder = TemporaryFolder("portrait-templates")
        _ = folder.write(path, "var mine = 1;")
        #expect {
            try TemplateLibrary(directory: folder.path)
        } throws: { error in
            let error = error as! TemplateError
            return error.file.hasSuffix("/" + path) && error.reason.contains("writes \(written) itself")
        }
    }

    /// swift-mustache renders a partial it does not have as nothing: the misspelt name would
    /// silently drop the KPI cards from the dashboard.
    @Test(arguments: [
        ("page-dashboard.mustache", "{{<layout}}{{$main}}\n<h1>{{title}}</h1>\n{{#kpis}}{{> kpii}}{{/kpis}}{{/main}}{{/layout}}", "kpii", 3),
        ("footer.mustache", "<footer>\n{{<frame}}{{/frame}}</footer>", "frame", 2),
    ])
    func aPartialThatNoTemplateHasIsRefused(path: String, text: String, missing: String, line: Int) {
        let folder = TemporaryFolder("portrait-templates")
        _ = folder.write(path, text)
        #expect {
            try TemplateLibrary(directory: folder.path)
        } throws: { error in
            let error = error as! TemplateError
            return error.file == folder.path + "/" + path && error.line == line && error.reason.contains("“\(missing)”")
        }
        // Spelt right, it builds.
        _ = folder.write(path, text.replacingOccurrences(of: "kpii", with: "kpi").replacingOccurrences(of: "frame", with: "missing"))
        #expect(throws: Never.self) { try TemplateLibrary(directory: folder.path) }
    }

    /// A linked file is copied as the file it leads to; a linked folder is not entered (it could
    /// lead anywhere); a link to nothing stops the build naming it.
    @Test func linksUnderAssets() throws {
        let folder = TemporaryFolder("portrait-templates"), elsewhere = TemporaryFolder("portrait-elsewhere")
        _ = elsewhere.write("brand/logo.svg", "<svg/>")
        try FileManager.default.createDirectory(atPath: folder.path + "/assets", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/assets/logo.svg", withDestinationPath: elsewhere.path + "/brand/logo.svg")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/assets/brand", withDestinationPath: elsewhere.path + "/brand")
        #expect(try TemplateLibrary(directory: folder.path).assets.map(\.path) == ["assets/logo.svg"])
        #expect(try TemplateLibrary(directory: folder.path).assets.first?.bytes == Data("<svg/>".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/assets/gone.png", withDestinationPath: elsewhere.path + "/gone.png")
        #expect {
            try TemplateLibrary(directory: folder.path)
        } throws: { error in
            let error = error as! TemplateError
            return error.file == folder.path + "/assets/gone.png" && error.reason == "The file cannot be read."
        }
    }

    @Test func aTemplateThatIsNotUTF8IsRefused() {
        let folder = TemporaryFolder("portrait-templates")
        _ = folder.write("footer.mustache", bytes: [0x3C, 0x70, 0x3E, 0xC4, 0xE3, 0xBA, 0xC3])
        #expect {
            try TemplateLibrary(directory: folder.path)
        } throws: { error in
            (error as? TemplateError)?.reason.contains("not UTF-8") == true
        }
    }

    @Test func bothStringsTablesHaveTheSameKeysAndCoverTheTemplates() throws {
        let library = try TemplateLibrary(directory: nil)
        let zh = try library.strings(.zhCN), en = try library.strings(.en)
        #expect(Set(zh.table.keys) == Set(en.table.keys))
        let pattern = try NSRegularExpression(pattern: #"\{\{s\.([a-z0-9_.]+)\}\}"#)
        for (path, text) in library.files where path.hasSuffix(".mustache") {
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                #expect(en.table[key] != nil, "\(path) uses missing string \(key)")
            }
        }
    }

    @Test func renderedPagesShowNoRawStringKeys() throws {
        for (path, text) in PageRenderTests.en where path.hasSuffix(".html") {
            for prefix in ["nav.", "kpi.", "dashboard.", "portrait.", "common.", "team.", "service.", "quality.", "lifecycle.", "segments.", "action."] {
                #expect(!text.replacingOccurrences(of: ">segments.csv", with: "").contains(">" + prefix), "\(path) shows a raw key starting \(prefix)")
            }
        }
    }
}
