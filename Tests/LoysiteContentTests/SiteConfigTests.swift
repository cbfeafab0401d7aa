import Foundation
import LoysiteContent
import LoysiteTesting
import Testing

@Suite struct SiteConfigTests {
    @Test func defaultsWithoutAFile() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (config, diagnostics) = SiteConfig.load(root: site.root)
        #expect(diagnostics.isEmpty)
        #expect(config.baseURL == "/")
        #expect(config.language == "en")
        #expect(config.autolink)
        #expect(!config.unsafe)
        #expect(config.period == "month")
        #expect(config.currency == "USD")
    }

    @Test func readsSettingsAndWarnsAboutUnknownKeys() throws {
        let site = try TemporarySite(["content/site.yml": """
        title: Loyalty
        base_url: https://example.org/docs
        autolink: false
        currency: eur
        colour: blue
        nav:
          - {title: Glossary, url: /glossary/}
        alerts: [{data: nps, value: nps, period: last, below: 30}]
        """])
        defer { site.remove() }
        let (config, diagnostics) = SiteConfig.load(root: site.root)
        #expect(config.title == "Loyalty")
        #expect(config.baseURL == "https://example.org/docs/")
        #expect(config.basePath == "/docs/")
        #expect(!config.autolink)
        #expect(config.currency == "EUR")
        #expect(config.nav == [SiteConfig.NavItem(title: "Glossary", url: "/glossary/")])
        #expect(config.alerts.first?.below == 30)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.hasPrefix("content/site.yml:5:1: warning: unknown key 'colour'") == true)
    }

    @Test func invalidValuesAreErrors() throws {
        let site = try TemporarySite(["content/site.yml": "base_url: example.org\nperiod: fortnight\ncurrency: dollars\n"])
        defer { site.remove() }
        let lines = SiteConfig.load(root: site.root).diagnostics.map(\.description)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains(": error: ") })
        #expect(lines[0].hasPrefix("content/site.yml:1:11: error: 'base_url'"))
    }
}
