#if canImport(Glibc)
import Glibc
#endif

/// The names the preview answers as, checked against each request's `Host`.
///
/// A page on another site can point its own name at 127.0.0.1 (DNS
/// rebinding) and then read the preview as if it were its own: its requests
/// carry its own name in `Host`, and are refused. Accepted: the loopback names
/// (`localhost`, `127.0.0.1`, `[::1]`), the `--host` value, and, when that is
/// a wildcard address (`0.0.0.0`, `::`), any IP address, since rebinding needs
/// a name. The port is not compared: it tells nothing about rebinding, and a
/// forwarded port (`ssh -L 9000:localhost:8000`) must keep working.
struct HostNames: Sendable {
    private let names: Set<String>
    private let anyAddress: Bool

    init(listeningOn host: String) {
        let own = Self.bracketed(host.lowercased())
        names = ["localhost", "127.0.0.1", "[::1]", own]
        anyAddress = own == "0.0.0.0" || own == "[::]"
    }

    /// Whether a request whose `Host` is `authority` (`name` or `name:port`) is answered.
    func allows(_ authority: String) -> Bool {
        guard let name = Self.name(in: authority.lowercased()) else { return false }
        if names.contains(name) { return true }
        return anyAddress && Self.isAddress(name)
    }

    /// The name part of `name[:port]` or `[v6]:port`; nil when the port is no number.
    static func name(in authority: String) -> String? {
        let name: Substring, rest: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            name = authority[...close]
            rest = authority[authority.index(after: close)...]
        } else if let colon = authority.firstIndex(of: ":") {
            name = authority[..<colon]
            rest = authority[colon...]
        } else {
            name = authority[...]
            rest = ""
        }
        guard !name.isEmpty else { return nil }
        if !rest.isEmpty {
            guard rest.first == ":", UInt16(rest.dropFirst()) != nil else { return nil }
        }
        return String(name)
    }

    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    /// An IPv4 address, or a bracketed IPv6 one.
    private static func isAddress(_ name: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        if name.hasPrefix("["), name.hasSuffix("]") {
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &buffer) == 1
        }
        return inet_pton(AF_INET, name, &buffer) == 1
    }
}
