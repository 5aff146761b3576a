import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTP1

/// What a request gets: a status, header fields, and a body that is either a
/// few bytes in memory or a file of the site, sent a chunk at a time (so a
/// client that reads slowly holds one chunk of it, not the whole file).
struct Reply: Sendable {
    enum Body: Sendable {
        case bytes([UInt8])
        case file(ServedFile)
    }

    var status: HTTPResponse.Status
    var fields: HTTPFields
    var body: Body

    init(_ status: HTTPResponse.Status, body: Body, type: String) {
        self.status = status
        self.body = body
        fields = [
            .contentType: type,
            .cacheControl: "no-store",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Reply {
        Reply(status, body: .bytes(Array(text.utf8)), type: "text/plain; charset=utf-8")
    }

    static func redirect(to location: String) -> Reply {
        var reply = Reply.text(.movedPermanently, "")
        reply.fields[.location] = location
        return reply
    }

    /// The answer to a request the HTTP parser refused.
    static func refusal(for error: any Error, longestRequestLine: Int) -> Reply {
        guard let error = error as? HTTPParserError, case .headerOverflow = error else {
            return .closing(.text(.badRequest, "bad request: not an HTTP/1.1 request this server understands\n"))
        }
        if longestRequestLine > RequestLimits.line {
            return .closing(.text(.uriTooLong, "URI too long: the request line is over \(RequestLimits.line) bytes\n"))
        }
        return .closing(.text(.requestHeaderFieldsTooLarge, """
            request header fields too large: over \(RequestLimits.line) bytes in one field, \
            \(RequestLimits.head) in all, or \(RequestLimits.fieldCount) fields\n
            """))
    }

    private static func closing(_ reply: Reply) -> Reply {
        var reply = reply
        reply.fields[.connection] = "close"
        return reply
    }

    /// Bytes in the body, as `Content-Length` says.
    var length: Int {
        switch body {
        case .bytes(let bytes): bytes.count
        case .file(let file): file.length
        }
    }

    /// Writes the reply; for `HEAD`, only its head (with the length a `GET` would get).
    /// `loop` is the connection's event loop (see `ServedFile.send`).
    func send(to writer: consuming ResponseWriter, head: Bool, loop: any EventLoop) async throws {
        var fields = fields
        fields[.contentLength] = String(length)
        let response = HTTPResponse(status: status, headerFields: fields)
        if head {
            try await writer.writeResponse(response)
            return
        }
        var body = try await writer.writeHead(response)
        switch self.body {
        case .bytes(let bytes):
            if !bytes.isEmpty { try await body.write(ByteBuffer(bytes: bytes)) }
        case .file(let file):
            try await file.send(to: &body, pacedBy: loop)
        }
        try await body.finish(nil)
    }
}
