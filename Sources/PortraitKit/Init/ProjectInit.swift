import Foundation
import SiteRenderer

/// `portrait init`: a commented `portrait.yml` and a copy of the built-in templates, written
/// where `portrait build` looks for them: beside the data folder (site.md, config.md).
///
/// The configuration it writes changes nothing: the keys with fixed defaults are written with
/// them, and those whose default depends on the data or the locale (`title`, `locale`, `as_of`,
/// `period`, `tables`) are comments. A build with it makes the same site as a build without it.
/// Nothing is overwritten unless asked: if any file it would write exists with other bytes, it
/// writes none of them.
package enum ProjectInit {
    /// A file `init` writes: its path relative to the folder, and its bytes.
    package struct File: Sendable, Equatable {
        package var path: String
        package var text: String
    }

    /// Why nothing (or not everything) was written: the path and what to do.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var message: String
        package var description: String { "Cannot write the starter files: \(message)" }
    }

    /// What `write` did: the files written and those already holding the same bytes.
    package struct Outcome: Sendable {
        package var folder: String
        package var written: [String]
        package var unchanged: [String]
    }

    /// `portrait.yml`, then every built-in template, strings table and asset under `templates/`.
    package static var files: [File] {
        [File(path: "portrait.yml", text: configuration)]
            + DefaultTemplates.files.map { File(path: "templates/" + $0.path, text: $0.text) }
    }

    /// The folder `portrait build --data DATA` takes `portrait.yml` and `templates/` from.
    package static func folder(besideData data: String) -> String {
        URL(fileURLWithPath: data).deletingLastPathComponent().path
    }

    /// Writes ``files`` into `folder` (created if missing). Without `overwrite`, a file there with
    /// other bytes stops it before anything is written.
    package static func write(into folder: String, overwrite: Bool) throws(Failure) -> Outcome {
        let root = URL(fileURLWithPath: folder)
        var pending: [(URL, File)] = []
        var unchanged: [String] = []
        for file in files {
            let url = root.appendingPathComponent(file.path)
            var isDirectory: ObjCBool = false
            var folder = root
            for component in file.path.split(separator: "/").dropLast() {
                folder.appendPathComponent(String(component))
                if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    throw Failure(message: "\(folder.path): A file is in the way of this folder. Move it away, then run portrait init again.")
                }
            }
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    throw Failure(message: "\(url.path): A folder is in the way of this file. Move it away, then run portrait init again.")
                }
                if FileManager.default.contents(atPath: url.path) == Data(file.text.utf8) {
                    unchanged.append(file.path)
                    continue
                }
                if !overwrite {
                    throw Failure(message: "\(url.path): The file exists and differs from the one portrait init writes; nothing was written. "
                                            + "Keep your edits, or add --force to replace it and every other file init writes.")
                }
            }
            pending.append((url, file))
        }
        for (url, file) in pending {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            } catch {
                throw Failure(message: "\(url.path): \(error.localizedDescription) Check that the folder is writable.")
            }
        }
        return Outcome(folder: root.path, written: pending.map(\.1.path), unchanged: unchanged)
    }

    /// The commented `portrait.yml` (config.md): every key, its default and what it does.
    static let configuration = """
        # Portrait configuration. Every key is optional; the values below are the defaults, and the
        # commented ones depend on the data or the locale. Command-line flags override this file.
        # An unknown key is an error, with a "did you mean" hint. Full reference: config.md.

        # title: 客户画像报告          # site title; default "客户画像报告" in zh-CN, "Customer Portrait" in en
        # locale: zh-CN                # zh-CN | en (also --locale)
        currency: CNY                  # ISO code; the symbol and formatting follow the locale
        # as_of: 2026-10-31            # the as-of date T; default: the latest order or interaction date
        # period:                      # the report period; default: the 365 days ending at as_of
        #   start: 2025-11-01
        #   end: 2026-10-31
        date_order: ymd                # how to read ambiguous dates such as 03/04/2025: ymd | mdy | dmy

        thresholds:
          at_risk_days: 90             # a buyer with no order for more days is at risk (stage at_risk)
          churn_days: 180              # a buyer with no order for more days has churned
          loyal_orders: 5              # a buyer with at least this many orders is loyal
          follow_up_days: 30           # the follow-up window: at-risk customers not contacted in it are overdue
          stale_days: 90               # a customer record updated longer ago is flagged stale
          grade_a_share: 0.80          # grade A: the customers making the first 80 % of revenue
          grade_b_share: 0.95          # grade B: up to 95 %; the rest are C

        segments:
          model: cn8                   # cn8 (the eight RFM customer types) | rf10 (ten segments on R and F)

        privacy:
          mask_contacts: true          # phones and e-mail addresses masked on every page and export

        pages:
          portraits: all               # all | none | top:N (the N customers with the most revenue)

        # tables:                      # where each table comes from, and how its columns are named
        #   customers:
        #     file: customers.csv      # relative to the data folder; .csv or .xml; a glob such as
        #                              # orders/*.csv reads many files as one table
        #     record_path: dataroot/Customers   # XML only: the repeated record element
        #     columns:                 # canonical name: header in the file (adds to the built-in aliases)
        #       customer_id: CustomerID
        #       name: CompanyName
        #     values:                  # a column's values mapped to canonical codes
        #       type: {企业客户: company, 个人客户: individual}
        #   orders:
        #     file: orders.csv
        #     derive:                  # a column computed from others: + - * / ( ) and numbers
        #       amount: quantity * unit_price * (1 - discount)

        """
}
