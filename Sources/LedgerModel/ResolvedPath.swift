import Foundation

/// Paths as the file system resolves them (symbolic links, `.`, `..`), to tell whether one
/// lies inside another: a table file inside the data folder, the data inside the output folder.
package enum ResolvedPath {
    /// `path` with every link and relative step resolved; nil when it does not exist.
    package static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the resolved path `path` lies below the resolved folder `folder` (not at it).
    package static func lies(_ path: String, below folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/") && path != folder
    }
}
