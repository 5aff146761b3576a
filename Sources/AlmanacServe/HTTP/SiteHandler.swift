import Foundation
import HTTPTypes

/// Answers every request: the live-reload status, files of the last good
/// build, redirects for folders, the site's own 404 page, and refusals.
struct SiteHandler: Sendable {
    let folder: URL
    let state: BuildState
    let hosts: HostNames
    /// How long a status request waits for a new build before answering anyway.
    let pollSeconds: Double

    func reply(to request: HTTPRequest) async -> Reply {
        if request.headerFields[values: Self.host].count > 0 {
            return .text(.badRequest, "bad request: more than one Host header\n")
        }
        guard let authority = request.authority else {
            return .text(.badRequest, "bad request: no Host header\n")
        }
        guard hosts.allows(authority) else {
            return .text(.forbidden, "forbidden: this preview answers only to its own address (Host: localhost, 127.0.0.1, [::1] or --host)\n")
        }
        guard request.method == .get || request.method == .head else {
            var reply = Reply.text(.methodNotAllowed, "only GET and HEAD\n")
            reply.fields[.allow] = "GET, HEAD"
            return reply
        }
        let target = request.path ?? "/"
        let raw = target.prefix { $0 != "?" }
        if raw == LiveReload.statusPath {
            return await status(query: target.dropFirst(raw.count + 1))
        }
        let snapshot = state.snapshot
        switch RequestPath(raw: String(raw)) {
        case .refused:
            return .text(.forbidden, "forbidden: the path leaves the site or is malformed\n")
        case .hidden:
            return notFound(snapshot)
        case .inside(let segments, let trailingSlash):
            guard snapshot.lastGood >= 0 else {
                return Reply(.serviceUnavailable, body: .bytes(LiveReload.noSitePage()), type: ContentTypes.forPath("x.html"))
            }
            let relative = segments.joined(separator: "/")
            let url = segments.isEmpty ? folder : folder.appending(path: relative)
            guard let isFolder = Self.isFolder(url) else { return notFound(snapshot) }
            // `//actors`, `/actors`: to `/actors/`, so relative links work and the path keeps one leading slash.
            if raw.contains("//") || (isFolder && !trailingSlash) {
                return .redirect(to: RequestPath.location(of: segments, folder: isFolder))
            }
            if isFolder { return serve(url.appending(path: "index.html"), path: relative + "/index.html", snapshot: snapshot) }
            return serve(url, path: relative, snapshot: snapshot)
        }
    }

    private static let host = HTTPField.Name("Host")!

    /// The build state as JSON, once its generation differs from `since` (long polling).
    private func status(query: Substring) async -> Reply {
        let since = query.split(separator: "&").lazy
            .compactMap { $0.hasPrefix("since=") ? Int($0.dropFirst("since=".count)) : nil }.first ?? -1
        let snapshot = await state.wait(since: since, timeout: pollSeconds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Reply(.ok, body: .bytes(Array((try? encoder.encode(snapshot)) ?? Data())), type: "application/json")
    }

    private func serve(_ url: URL, path: String, snapshot: BuildState.Snapshot) -> Reply {
        guard isInside(url), let file = ServedFile(path: url.path) else { return notFound(snapshot) }
        let type = ContentTypes.forPath(path)
        guard type.hasPrefix("text/html") else { return Reply(.ok, body: .file(file), type: type) }
        return Reply(.ok, body: .file(file.inserting(LiveReload.insertions(into: file, lastGood: snapshot.lastGood))), type: type)
    }

    /// The site's own 404 page, with status 404.
    private func notFound(_ snapshot: BuildState.Snapshot) -> Reply {
        guard let page = ServedFile(path: folder.appending(path: "404.html").path) else { return .text(.notFound, "not found\n") }
        let insertions = LiveReload.insertions(into: page, lastGood: snapshot.lastGood, rooted: true)
        return Reply(.notFound, body: .file(page.inserting(insertions)), type: ContentTypes.forPath("404.html"))
    }

    /// The file, symbolic links resolved, is still inside the served folder.
    private func isInside(_ url: URL) -> Bool {
        let base = folder.resolvingSymlinksInPath().path
        let target = url.resolvingSymlinksInPath().path
        return target.hasPrefix(base + "/")
    }

    /// Whether `url` is a folder; nil when nothing is there.
    private static func isFolder(_ url: URL) -> Bool? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue
    }
}
