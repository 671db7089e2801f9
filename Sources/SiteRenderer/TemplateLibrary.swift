import Foundation
import Mustache

/// The site's templates, strings tables and static assets, compiled once per build.
///
/// The defaults are built into the binary (``DefaultTemplates``, generated from `templates/` by
/// `scripts/embed-templates.sh`), so `portrait` works anywhere. A user's templates folder
/// overrides them file by file: a file it lacks falls back to the built-in one, so a folder
/// holding only `assets/site.css` restyles the site and keeps every page.
package struct TemplateLibrary: Sendable {
    /// Every text file by its path inside the templates folder (`page-index.mustache`,
    /// `strings/en.strings`, `assets/site.css`).
    package let files: [String: String]
    /// The user's own files under `assets/` besides `site.css` and `site.js` (a logo, a
    /// font, a second stylesheet), by path, sorted: copied into the site byte for byte.
    package let assets: [(path: String, bytes: Data)]
    /// Paths whose text is not the built-in one (a user's folder replaced them).
    package let customized: Set<String>
    private let library: MustacheLibrary

    /// The assets a build writes: a user's folder of one of these names (`assets/site.css/x.png`)
    /// would take the asset's place, and a user's file named like the search index, which is
    /// made from the ledger rather than read from the templates, would be lost.
    static let writtenAssets = [searchIndexPath, "assets/site.css", "assets/site.js"]
    static let searchIndexPath = "assets/search-index.js"

    /// Loads and compiles the templates.
    /// - Throws: `TemplateError` naming the file (and line and column for a syntax error).
    package init(directory: String?) throws {
        var files = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.path, $0.text) })
        var assets: [(path: String, bytes: Data)] = []
        if let directory {
            let folder = try TemplateLibrary.readFolder(directory)
            for (path, text) in folder.texts { files[path] = text }
            assets = folder.assets
        }
        try self.init(files: files, assets: assets, origin: directory)
    }

    /// Compiles the given files; `origin` prefixes the file names in errors.
    package init(files: [String: String], assets: [(path: String, bytes: Data)] = [], origin: String? = nil) throws {
        self.files = files
        self.assets = assets
        let builtIn = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.path, $0.text) })
        customized = Set(files.filter { builtIn[$0.key] != $0.value }.map(\.key))
        try TemplateLibrary.check(files, origin: origin)
        var library = MustacheLibrary()
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: files[path]!), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: origin.map { $0 + "/" + path } ?? "templates/" + path,
                                    line: error.context.lineNumber, column: error.context.columnNumber,
                                    reason: TemplateLibrary.describe(error.error) + " (near “\(error.context.line)”).",
                                    hint: "Fix the template, or delete it to use the built-in one.")
            }
        }
        self.library = library
    }

    /// Renders the template `name` (path without `.mustache`) with `context`.
    package func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw TemplateError(file: "templates/" + name + ".mustache", reason: "The template is missing.",
                                hint: "Restore it from Portrait's own templates/ folder, or stop passing --templates.")
        }
        return text
    }

    /// The strings table of `locale`.
    package func strings(_ locale: SiteLocale) throws -> Strings {
        let path = "strings/" + locale.rawValue + ".strings"
        guard let text = files[path] else {
            throw TemplateError(file: "templates/" + path, reason: "The strings table is missing.",
                                hint: "Restore it from Portrait's own templates/ folder.")
        }
        return try Strings(parsing: text, file: "templates/" + path)
    }

    /// What a templates folder holds, by the use a build makes of each file.
    struct Folder {
        /// Templates, strings tables, `assets/site.css` and `assets/site.js`: UTF-8 text.
        var texts: [(path: String, text: String)] = []
        /// Every other file under `assets/`, as it is.
        var assets: [(path: String, bytes: Data)] = []
    }

    /// Whether a build reads the file at `path` (inside a templates folder) as text: a
    /// template outside `assets/`, a strings table, the stylesheet or the script.
    static func isText(_ path: String) -> Bool {
        (path.hasSuffix(".mustache") && !path.hasPrefix("assets/"))
            || (path.hasPrefix("strings/") && path.hasSuffix(".strings"))
            || path == "assets/site.css" || path == "assets/site.js"
    }

    /// Files Windows leaves in folders it shows, never part of a site.
    static let systemFiles: Set<String> = ["thumbs.db", "desktop.ini"]

    /// Reads the regular files under `directory` a build uses, paths relative and
    /// `/`-separated and sorted: the texts (which must be UTF-8) and the other files under
    /// `assets/`. Hidden files and folders, Windows' `Thumbs.db` and `desktop.ini`, and any
    /// other file (the folder's README) are not read.
    static func readFolder(_ directory: String) throws -> Folder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(file: directory, reason: "The templates folder does not exist or is not a folder.",
                                hint: "Check the folder given with --templates.")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw TemplateError(file: directory, reason: "The templates folder cannot be read.",
                                hint: "Check its permissions.")
        }
        var folder = Folder()
        for case let path as String in enumerator {
            let full = directory + "/" + path
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            let components = path.split(separator: "/")
            if isDir.boolValue || components.contains(where: { $0.hasPrefix(".") })
                || systemFiles.contains(components.last?.lowercased() ?? "") { continue }
            let text = isText(path)
            guard text || path.hasPrefix("assets/") else { continue }
            if let written = path == searchIndexPath ? path : writtenAssets.first(where: { path.hasPrefix($0 + "/") }) {
                throw TemplateError(file: full, reason: "Portrait writes \(written) itself, so this file would be lost or take its place.",
                                    hint: "Give it another name, and link it from your templates under that name.")
            }
            guard let data = FileManager.default.contents(atPath: full) else {
                throw TemplateError(file: full, reason: "The file cannot be read.",
                                    hint: "Check its permissions and, for a link, that it leads to a file; or remove it "
                                        + "(a template removed falls back to the built-in one).")
            }
            guard text else {
                folder.assets.append((path, data))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: full, reason: "The template file is not UTF-8 text.",
                                    hint: "Save it as UTF-8.")
            }
            folder.texts.append((path, text))
        }
        folder.texts.sort { $0.path < $1.path }
        folder.assets.sort { $0.path < $1.path }
        return folder
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "A section is closed with a name other than the one it was opened with"
        case .unfinishedName: "A tag is not closed or its name is malformed"
        case .expectedSectionEnd: "A section is opened but never closed"
        case .invalidSetDelimiter: "A set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "A transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "An inheritance section holds a tag it cannot hold"
        case .textInsideInheritSection: "An inheritance section holds text outside a block"
        case .invalidConfigVariableSyntax: "A configuration tag is malformed"
        case .unrecognisedConfigVariable: "A configuration tag names an unknown setting"
        case nil: "The template cannot be parsed (\(error))"
        }
    }
}
