import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately plain HTTP/1.1 client over a socket: it sends the request
/// target exactly as given (no normalization of `..`, no percent-decoding, no
/// cache), so tests see what a hostile or careless client would get.
enum HTTPProbe {
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    enum Failure: Error { case connect(Int32), send, malformed(String) }

    /// `METHOD target` on 127.0.0.1:port, with `Host: host` (the address by default; nil
    /// sends none) and `headers` (whole lines); gives up after `timeout` seconds.
    static func request(_ target: String, port: UInt16, method: String = "GET", host: String?? = .none,
                        headers: [String] = [], timeout: Int = 15) async throws -> Response {
        let host = host ?? "127.0.0.1:\(port)"
        let lines = ["\(method) \(target) HTTP/1.1"] + (host.map { ["Host: \($0)"] } ?? []) + headers + ["Connection: close", "", ""]
        return try await raw(Array(lines.joined(separator: "\r\n").utf8), port: port, timeout: timeout)
    }

    /// Sends `bytes` as they are and reads the response. The blocking socket calls run
    /// on a thread of their own, never on the tasks' threads the server needs.
    static func raw(_ bytes: [UInt8], port: UInt16, timeout: Int = 15) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingRequest(bytes, port: port, timeout: timeout) })
            }
        }
    }

    /// A connection that sends `GET target` and then reads nothing (a client that
    /// stalls); its receive buffer is made small. Close it with `close`.
    static func stalledRequest(_ target: String, port: UInt16) throws -> Int32 {
        let fd = try connected(port: port, timeout: 15, receiveBuffer: 4096)
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { close(fd); throw Failure.send }
        return fd
    }

    /// Whether the server sent anything yet on a connection (without reading it).
    static func hasAnswered(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }

    private static func connected(port: UInt16, timeout: Int, receiveBuffer: Int32? = nil) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.connect(errno) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer { setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw Failure.connect(errno) }
        return fd
    }

    private static func blockingRequest(_ request: [UInt8], port: UInt16, timeout: Int) throws -> Response {
        let fd = try connected(port: port, timeout: timeout)
        defer { close(fd) }
        // A server may answer (and stop reading) before the whole request is sent: then read the answer.
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        return try parse(received)
    }

    private static func parse(_ data: Data) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure.malformed(String(decoding: data, as: UTF8.self)) }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure.malformed(head[0]) }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init), body.count > length { body = body.prefix(length) }
        return Response(status: status, headers: headers, body: body)
    }
}
