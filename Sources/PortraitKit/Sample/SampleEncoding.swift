/// The character encoding of CSV sample files.
package enum SampleEncoding: String, Sendable, CaseIterable {
    case utf8
    /// What Excel writes in Chinese locales; encoded with glibc iconv, CSV only.
    case gb18030
}
