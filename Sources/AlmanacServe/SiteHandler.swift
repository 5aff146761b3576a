import FlyingFox
import Foundation

/// Answers every request: the live-reload status, files of the last good
/// build, redirects for folders, the site's own 404 page, and refusals.
struct SiteHandler: HTTPHandler {
    let folder: URL
    let state: BuildState
    /// How long a status request waits for a new build before answering anyway.
    let pollSeconds: Double

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.plain(.methodNotAllowed, "only GET and HEAD\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let raw = request.target.path()
        if raw == LiveReload.statusPath {
            let since = request.query.first(where: { $0.name == "since" }).flatMap { Int($0.value) } ?? -1
            let snapshot = await state.wait(since: since, timeout: pollSeconds)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return Self.response(.ok, body: (try? encoder.encode(snapshot)) ?? Data(), type: "application/json", head: false)
        }
        let head = request.method == .HEAD
        let snapshot = state.snapshot
        switch RequestPath(raw: raw) {
        case .refused:
            return Self.plain(.forbidden, "forbidden: the path leaves the site or is malformed\n")
        case .hidden:
            return notFound(snapshot, head: head)
        case .inside(let segments, let trailingSlash):
            guard snapshot.lastGood >= 0 else {
                return Self.response(.serviceUnavailable, body: LiveReload.noSitePage(), type: ContentTypes.forPath("x.html"), head: head)
            }
            let relative = segments.joined(separator: "/")
            let url = segments.isEmpty ? folder : folder.appending(path: relative)
            guard let kind = Self.kind(of: url) else { return notFound(snapshot, head: head) }
            if kind == .folder {
                guard trailingSlash || segments.isEmpty else {
                    return Self.plain(.movedPermanently, "", extra: [.location: raw + "/"])
                }
                return serve(url.appending(path: "index.html"), path: relative + "/index.html", snapshot: snapshot, head: head)
            }
            return serve(url, path: relative, snapshot: snapshot, head: head)
        }
    }

    private func serve(_ url: URL, path: String, snapshot: BuildState.Snapshot, head: Bool) -> HTTPResponse {
        guard isInside(url), let data = try? Data(contentsOf: url) else { return notFound(snapshot, head: head) }
        let type = ContentTypes.forPath(path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data, lastGood: snapshot.lastGood) : data
        return Self.response(.ok, body: body, type: type, head: head)
    }

    /// The site's own 404 page, with status 404.
    private func notFound(_ snapshot: BuildState.Snapshot, head: Bool) -> HTTPResponse {
        guard let page = try? Data(contentsOf: folder.appending(path: "404.html")) else {
            return Self.plain(.notFound, "not found\n")
        }
        let body = LiveReload.inject(into: page, lastGood: snapshot.lastGood, rooted: true)
        return Self.response(.notFound, body: body, type: ContentTypes.forPath("404.html"), head: head)
    }

    /// The file, symbolic links resolved, is still inside the served folder.
    private func isInside(_ url: URL) -> Bool {
        let base = folder.resolvingSymlinksInPath().path
        let target = url.resolvingSymlinksInPath().path
        return target.hasPrefix(base + "/")
    }

    private enum Kind { case file, folder }

    private static func kind(of url: URL) -> Kind? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue ? .folder : .file
    }

    static func response(_ status: HTTPStatusCode, body: Data, type: String, head: Bool, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: type,
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        for (name, value) in extra { headers[name] = value }
        if head { headers[.contentLength] = String(body.count) }
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : body)
    }

    static func plain(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        response(status, body: Data(text.utf8), type: "text/plain; charset=utf-8", head: false, extra: extra)
    }
}
