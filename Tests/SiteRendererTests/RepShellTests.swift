import Charts
import LedgerModel
import PortraitTestSupport
@testable import SiteRenderer
import Testing

/// Rep pages are spliced into the layout rendered once (`SiteBuild.repShell`) while the layout,
/// header and footer are the built-in ones.
@Suite struct RepShellTests {
    /// The built-in layout with a comment in front: the same pages, but a customized template,
    /// so each rep page is rendered through it.
    static func layoutRenderedEachTime() throws -> TemplateLibrary {
        let layout = try #require(DefaultTemplates.files.first { $0.path == "layout.mustache" }).text
        let folder = PortraitTestSupport.TemporaryFolder("rep-layout")
        folder.write("layout.mustache", "{{! the built-in layout }}" + layout)
        return try TemplateLibrary(directory: folder.path)
    }

    @Test(arguments: SiteLocale.allCases)
    func repPagesInTheShellAreThePagesTheLayoutRenders(locale: SiteLocale) throws {
        var random = VariedLedger(seed: 11)
        var ledger = random.ledger(customers: 60, asOf: SiteFixture.asOf)
        // Names the layout escapes: by grapheme, so a quote with a combining mark stays as is.
        let names = ["A\"\u{301}B <i>", "&amp; 'x'", "e\u{301}&\u{301}>", "", "王芳\u{1}T\u{1}"]
        for (index, name) in names.enumerated() where index < ledger.reps.count { ledger.reps[index].name = name }
        let content = SiteFixture.content(locale: locale, ledger: ledger)
        let shelled = try SiteBuild(content: content, templates: TemplateLibrary(directory: nil))
        let rendered = try SiteBuild(content: content, templates: Self.layoutRenderedEachTime())
        #expect(shelled.repShell != nil)
        #expect(rendered.repShell == nil)
        #expect(ledger.reps.count >= 4)
        for rep in ledger.reps.indices {
            let page = try TeamPage.render(shelled, rep: rep)
            #expect(page == (try TeamPage.render(rendered, rep: rep)), "rep \(rep): \(ledger.reps[rep].name)")
            #expect(page.contains("<title>"))
        }
    }

    /// Portraits framed by the shell from a user's templates keep the byte writer's escaping of
    /// the title (by scalar), unlike rep pages, which keep the templates' own.
    @Test func aPortraitTitleInTheShellIsEscapedAsTheByteWriterEscapesIt() throws {
        var ledger = SiteFixture.ledger()
        ledger.customers[0].name = "A\"\u{301}B"
        let folder = PortraitTestSupport.TemporaryFolder("portrait-kpi")
        folder.write("kpi.mustache", "<div class=\"my-kpi\">{{value}}</div>")
        let content = SiteFixture.content(locale: .zhCN, ledger: ledger)
        let templated = try SiteBuild(content: content, templates: TemplateLibrary(directory: folder.path))
        let fast = try SiteBuild(content: content, templates: TemplateLibrary(directory: nil))
        #expect(!templated.fastPortraits && fast.fastPortraits)
        let expected = "<title>" + HTML.escape(ledger.customers[0].name) + " · "
        var bytes = ByteBuffer()
        try fast.writePortrait(customer: 0, into: &bytes)
        #expect(try PortraitPage.render(templated, customer: 0).contains(expected))
        #expect(bytes.string.contains(expected))
    }

    @Test func escapingAsTheTemplatesDoesKeepsAQuoteThatBeginsAGrapheme() {
        let text = "a\"\u{301}<'&>", graphemeKept = "a\"\u{301}&lt;&#39;&amp;&gt;", scalarEscaped = "a&quot;\u{301}&lt;&#39;&amp;&gt;"
        let asTemplates = HTML.escapeAsTemplates(text), byScalar = HTML.escape(text)
        #expect(asTemplates == graphemeKept)
        #expect(byScalar == scalarEscaped)
        #expect(HTML.escapeAsTemplates("王芳") == "王芳")
    }
}
