import Foundation
import NIOCore

extension PreviewServer {
    /// Why the preview cannot start, in words a user can act on.
    public enum Failure: Error, CustomStringConvertible {
        case badHost(String)
        case listening(String, UInt16, any Error)
        case cannotCreate(String, String)
        case cannotWatch(String)

        public var description: String {
            switch self {
            case .badHost(let host):
                "--host \(host) is not an IPv4 or IPv6 address (or localhost)"
            case .listening(let host, let port, let error):
                "cannot listen on \(host.contains(":") ? "[\(host)]" : host):\(port): \(Self.reason(error, host: host, port: port))"
            case .cannotCreate(let path, let reason):
                "cannot create \(path): \(reason)"
            case .cannotWatch(let reason):
                reason
            }
        }

        private static func reason(_ error: any Error, host: String, port: UInt16) -> String {
            guard let error = error as? IOError else { return "\(error)" }
            switch error.errnoCode {
            case EADDRINUSE:
                let free = freePort(after: port, host: host).map { "--port \($0)" } ?? "--port 0 (any free port)"
                return "port \(port) is in use; try \(free)"
            case EACCES:
                return "ports below 1024 need administrator rights; try --port 8000"
            case EADDRNOTAVAIL:
                return "\(host) is not an address of this machine"
            default:
                return String(cString: strerror(error.errnoCode))
            }
        }

        /// The first of the next few ports that can be listened on now.
        static func freePort(after port: UInt16, host: String) -> UInt16? {
            let host = host == "localhost" ? "127.0.0.1" : host
            for step in 1...20 {
                let (candidate, overflow) = port.addingReportingOverflow(UInt16(step))
                guard !overflow else { return nil }
                guard let address = try? SocketAddress(ipAddress: host, port: Int(candidate)) else { return nil }
                let descriptor = socket(Int32(address.protocol.rawValue), Int32(SOCK_STREAM.rawValue), 0)
                guard descriptor >= 0 else { return nil }
                defer { close(descriptor) }
                var yes: Int32 = 1
                setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
                let bound = address.withSockAddr { bind(descriptor, $0, socklen_t($1)) }
                if bound == 0 { return candidate }
            }
            return nil
        }
    }
}
