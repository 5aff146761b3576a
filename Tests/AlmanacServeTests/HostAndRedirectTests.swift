import Foundation
import Testing
@testable import AlmanacServe

/// The preview answers only to its own names (no DNS rebinding) and never
/// redirects off the site.
@Suite(.timeLimit(.minutes(3)))
struct HostAndRedirectTests {
    @Test func answersOnlyToItsOwnNames() async throws {
        let site = TestSite()
        let server = try await PreviewServer.started(site)
        let port = server.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)", "127.0.0.1", "localhost"] {
            let response = try await HTTPProbe.request("/", port: port, host: host)
            #expect(response.status == 200, "Host: \(host)")
        }
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost.evil.example",
                     "10.0.0.1:\(port)", "localhost:notaport", ""] {
            let response = try await HTTPProbe.request("/", port: port, host: host)
            #expect(response.status == 403, "Host: \(host)")
            #expect(!response.text.contains("Welcome to the preview."))
        }
        // Every route is guarded, the status that pages poll included.
        let status = try await HTTPProbe.request("/__almanac/status?since=-1", port: port, host: "evil.example:\(port)")
        #expect(status.status == 403)
        #expect(try await HTTPProbe.request("/", port: port, host: .some(nil)).status == 400)
        #expect(try await HTTPProbe.request("/", port: port, headers: ["Host: evil.example"]).status == 400)
        await server.stop()
    }

    @Test func hostNames() {
        let loopback = HostNames(listeningOn: "127.0.0.1")
        #expect(loopback.allows("localhost:8000") && loopback.allows("[::1]:1") && loopback.allows("127.0.0.1"))
        #expect(!loopback.allows("192.168.1.5:8000") && !loopback.allows("example.org:8000") && !loopback.allows("[::1]x"))
        let own = HostNames(listeningOn: "192.168.1.5")
        #expect(own.allows("192.168.1.5:8000") && !own.allows("192.168.1.6:8000"))
        let v6 = HostNames(listeningOn: "fd00::5")
        #expect(v6.allows("[fd00::5]:8000") && !v6.allows("fd00::5"))
        // Listening on every address: any address is answered, never a name.
        let any = HostNames(listeningOn: "0.0.0.0")
        #expect(any.allows("192.168.1.5:8000") && any.allows("[fe80::1]:8000") && !any.allows("attacker.example:8000"))
        #expect(HostNames(listeningOn: "::").allows("10.1.2.3"))
    }

    @Test func redirectsStayOnTheSite() async throws {
        let site = TestSite()
        let server = try await PreviewServer.started(site)
        let port = server.port
        let expected = ["//actors": "/actors/", "//actors/": "/actors/", "///actors": "/actors/", "/actors": "/actors/",
                        "//actors//": "/actors/", "//events/first-meeting.html": "/events/first-meeting.html", "//": "/"]
        for (target, location) in expected {
            let response = try await HTTPProbe.request(target, port: port)
            #expect(response.status == 301, "\(target)")
            #expect(response.header("Location") == location, "\(target)")
        }
        // Whatever is asked, a Location is a path on this server: one slash, then no slash or backslash.
        for target in ["//evil.example", "//evil.example/", "///evil.example/x", "/%2fevil.example", "/\\evil.example",
                       "/%5cevil.example", "//actors?next=//evil.example", "//%61ctors"] {
            let response = try await HTTPProbe.request(target, port: port)
            if let location = response.header("Location") {
                #expect(location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\"), "\(target) -> \(location)")
            }
        }
        #expect(try await HTTPProbe.request("/actors/", port: port).status == 200)
        await server.stop()
    }

    @Test func locations() {
        #expect(RequestPath.location(of: ["actors"], folder: true) == "/actors/")
        #expect(RequestPath.location(of: [], folder: true) == "/")
        #expect(RequestPath.location(of: ["a b", "c?d#e"], folder: false) == "/a%20b/c%3Fd%23e")
    }
}
