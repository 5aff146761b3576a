import HummingbirdCore
import NIOCore
import Synchronization

/// How big a request's head may be. SwiftNIO's parser (llhttp) enforces these
/// as the bytes arrive, in time linear in the size: a request over them is
/// answered at once, 414 for a request line, 431 for the header fields, and
/// the connection is closed. A browser's requests for a preview are a few
/// hundred bytes; nginx allows 8 KB a line.
enum RequestLimits {
    /// A request line (method, target, version), and any one header field.
    static let line = 8 * 1024
    /// The request line and all header fields together.
    static let head = 32 * 1024
    static let fieldCount = 100
    /// A connection that sends nothing for this long, between requests or in
    /// the middle of one, is closed (a response being written is not idle).
    static let idleSeconds: Int64 = 30

    static var decoder: HTTP1Channel.Configuration.DecoderConfiguration {
        .init(maxHeaderFieldSize: line, maxHeaderListSize: head, maxHeaderFieldCount: fieldCount)
    }
}

/// Sits before the HTTP parser and measures the first line of each request
/// head, so that when the parser gives up on a head that is too big, the
/// answer can say whether the request line (414) or the header fields (431)
/// were: the parser's error says neither.
///
/// It counts lines, it does not parse: a blank line ends a head. The preview
/// accepts no request bodies (see `PreviewConnection`), so only heads arrive
/// on a connection it keeps open.
final class RequestLineWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private struct Count {
        var lineLength = 0
        var lineIsFirst = true
        var longestFirstLine = 0
    }

    private let count = Mutex(Count())

    /// The longest request line seen on this connection, in bytes.
    var longestRequestLine: Int { count.withLock { $0.longestFirstLine } }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data).readableBytesView
        count.withLock { count in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\n"):
                    // A blank line ends a head: the next line is a request line.
                    count.lineIsFirst = count.lineLength == 0
                    count.lineLength = 0
                case UInt8(ascii: "\r"):
                    break
                default:
                    count.lineLength += 1
                    if count.lineIsFirst { count.longestFirstLine = max(count.longestFirstLine, count.lineLength) }
                }
            }
        }
        context.fireChannelRead(data)
    }
}
