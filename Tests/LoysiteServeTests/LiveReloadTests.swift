import Foundation
import LoysiteServe
import Testing

@Suite struct LiveReloadTests {
    @Test func greetsATabWithTheCurrentState() {
        let hub = LiveReload()
        hub.siteRebuilt(build: 3)
        let stream = EventStream()
        hub.open(stream)
        #expect(stream.sentText == "event: hello\ndata: {\"build\":3,\"errors\":[]}\n\n")
        #expect(hub.connectedCount == 1)
    }

    @Test func tellsEveryTabToReloadAfterARebuild() {
        let hub = LiveReload()
        let tabs = [EventStream(), EventStream()]
        for tab in tabs { hub.open(tab) }
        #expect(hub.siteRebuilt(build: 1) == 2)
        for tab in tabs {
            #expect(tab.sentText.hasSuffix("event: reload\ndata: {\"build\":1}\n\n"))
        }
    }

    @Test func sendsBuildErrorsAndKeepsThemForNewTabs() {
        let hub = LiveReload()
        hub.siteRebuilt(build: 2)
        let tab = EventStream()
        hub.open(tab)
        hub.buildFailed(errors: ["content/glossary/a.md:3:1: error: \"bad\" <thing>"])
        #expect(tab.sentText.hasSuffix("event: build-error\ndata: {\"build\":2,\"errors\":[\"content/glossary/a.md:3:1: error: \\\"bad\\\" \\u003cthing\\u003e\"]}\n\n"))
        let late = EventStream()
        hub.open(late)
        #expect(late.sentText.contains("\"errors\":[\"content/glossary/a.md:3:1"))
        hub.siteRebuilt(build: 3)
        #expect(hub.currentErrors.isEmpty)
    }

    @Test func eventDataOnSeveralLinesBecomesSeveralDataLines() {
        let stream = EventStream()
        stream.send(event: "x", data: "one\ntwo")
        #expect(stream.sentText == "event: x\ndata: one\ndata: two\n\n")
    }

    @Test func theScriptGoesBeforeTheClosingBodyTag() {
        let html = Data("<html><body><p>x</p></BODY>\n</html>\n".utf8)
        let injected = String(decoding: LiveReloadScript.inject(into: html, build: 7), as: UTF8.self)
        #expect(injected == "<html><body><p>x</p><script src=\"/__loysite/live-reload.js\" data-build=\"7\" defer></script></BODY>\n</html>\n")
        let fragment = String(decoding: LiveReloadScript.inject(into: Data("<p>no body</p>".utf8), build: 1), as: UTF8.self)
        #expect(fragment.hasSuffix("<p>no body</p><script src=\"/__loysite/live-reload.js\" data-build=\"1\" defer></script>"))
    }

    @Test func theScriptListensForEachEvent() {
        for event in ["\"hello\"", "\"reload\"", "\"build-error\"", "/__loysite/events", "textContent"] {
            #expect(LiveReloadScript.source.contains(event))
        }
        #expect(!LiveReloadScript.source.contains("innerHTML"), "errors quote the content: never parse them as HTML")
    }
}
