import Testing
@testable import AlmanacServe

@Suite struct RequestPathTests {
    @Test(arguments: [
        "/..", "/../etc/passwd", "/actors/../../x", "/%2e%2e/x", "/%2E%2e/x", "/.%2e/x", "/actors/%2e%2e%2f%2e%2e%2fx",
        "/a%2fb", "/a%5c..%5cb", "/a%00.html", "/%zz", "/./index.html", "relative",
    ])
    func refusesTraversal(_ raw: String) {
        #expect(RequestPath(raw: raw) == .refused)
    }

    @Test func acceptsSitePaths() {
        #expect(RequestPath(raw: "/") == .inside([], trailingSlash: true))
        #expect(RequestPath(raw: "/actors/") == .inside(["actors"], trailingSlash: true))
        #expect(RequestPath(raw: "/actors/csto.html") == .inside(["actors", "csto.html"], trailingSlash: false))
        #expect(RequestPath(raw: "/static/a%20b.png") == .inside(["static", "a b.png"], trailingSlash: false))
        #expect(RequestPath(raw: "/%252e%252e/x") == .inside(["%2e%2e", "x"], trailingSlash: false))
    }

    @Test func hidesDotFiles() {
        #expect(RequestPath(raw: "/.git/config") == .hidden)
        #expect(RequestPath(raw: "/assets/.secret") == .hidden)
    }

    @Test func contentTypes() {
        #expect(ContentTypes.forPath("index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("assets/style.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.forPath("assets/search.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.forPath("feed.xml") == "application/atom+xml; charset=utf-8")
        #expect(ContentTypes.forPath("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.forPath("map.PNG") == "image/png")
        #expect(ContentTypes.forPath("LICENSE") == "application/octet-stream")
    }
}
