import LoysiteSupport
import Testing

@Suite struct SlugTests {
    @Test func validSlugsAreLowerCaseLettersDigitsAndDashes() {
        #expect(Slug.isValid("net-promoter-score"))
        #expect(Slug.isValid("80-20-rule"))
        #expect(!Slug.isValid("Net-Promoter"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid(".."))
        #expect(!Slug.isValid("a..b"))
        #expect(!Slug.isValid("-leading"))
        #expect(!Slug.isValid("trailing-"))
        #expect(!Slug.isValid(""))
        #expect(!Slug.isValid("café"))
    }

    @Test func transliteratesNamesIntoSlugs() {
        #expect(Slug.make(from: "Net Promoter Score") == "net-promoter-score")
        #expect(Slug.make(from: "Café Rewards") == "cafe-rewards")
        #expect(Slug.make(from: "A/B testing") == "a-b-testing")
        #expect(Slug.make(from: "80/20 rule") == "80-20-rule")
        #expect(Slug.make(from: "Customer's journey") == "customers-journey")
        #expect(Slug.make(from: "Surprise & delight") == "surprise-and-delight")
        #expect(Slug.make(from: "../../etc/passwd") == "etc-passwd")
        #expect(Slug.make(from: "  spaced   out  ") == "spaced-out")
        #expect(Slug.make(from: "Ünïcödé Straße") == "unicode-strasse")
    }

    @Test func nothingUsableGivesNil() {
        #expect(Slug.make(from: "🎉🎉") == nil)
        #expect(Slug.make(from: "..") == nil)
        #expect(Slug.make(from: "") == nil)
    }

    @Test func everyMadeSlugIsValid() {
        for name in ["Ça va", "日本語 term", "x", "--a--", "Été 2024!", "a\u{0}b", "Ωmega"] {
            if let slug = Slug.make(from: name) { #expect(Slug.isValid(slug), "\(name) → \(slug)") }
        }
    }
}
