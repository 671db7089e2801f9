import SiteRenderer

/// The interface language, named here so the command line needs only PortraitKit.
package typealias SiteLocale = SiteRenderer.SiteLocale
