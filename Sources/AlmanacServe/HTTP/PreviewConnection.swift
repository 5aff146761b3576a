import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// One connection to the preview: HummingbirdCore's HTTP/1.1 pipeline on
/// SwiftNIO, with `RequestLimits`, and its requests answered one after the
/// other by `SiteHandler`.
///
/// Only bodiless `GET` and `HEAD` requests keep a connection open: after any
/// other request is answered, the connection is closed, so no request body is
/// ever read, and `RequestLineWatcher` only ever sees heads.
struct PreviewConnection: ServerChildChannel {
    struct Value: ServerChildChannelValue {
        let channel: any Channel
        let http: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>
        let watcher: RequestLineWatcher
        let closer: Closer
    }

    /// Closes the connection when the last copy of its `Value` goes. When the server
    /// stops, HummingbirdCore drops the connections it accepted but had not yet handed
    /// to `handle`, and NIO traps on a writer deinited unfinished ("Deinited
    /// NIOAsyncWriter without calling finish()": Ctrl-C crashed under load). For a
    /// handled connection this is a second close, which does nothing.
    final class Closer: Sendable {
        let http: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>
        init(_ http: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>) { self.http = http }
        deinit { Task { [http] in try? await http.executeThenClose { _, _ in } } }
    }

    let site: SiteHandler

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        // HummingbirdCore's pipeline for HTTP/1.1; its responder is unused, `handle` answers.
        let configuration = HTTP1Channel.Configuration(
            idleTimeout: .seconds(RequestLimits.idleSeconds), httpDecoderConfiguration: RequestLimits.decoder
        )
        let watcher = RequestLineWatcher()
        return HTTP1Channel(responder: { _, _, _ in }, configuration: configuration)
            .setup(channel: channel, logger: logger)
            .flatMapThrowing { http in
                try channel.pipeline.syncOperations.addHandler(watcher, position: .first)
                return Value(channel: channel, http: http, watcher: watcher, closer: Closer(http))
            }
    }

    func handle(value: Value, logger: Logger) async {
        let channel = value.channel
        do {
            try await withTaskCancellationHandler {
                try await value.http.executeThenClose { inbound, outbound in
                    var parts = inbound.makeAsyncIterator()
                    while true {
                        let part: HTTPRequestPart?
                        do {
                            part = try await parts.next()
                        } catch {
                            // A request the parser refused: say why, then close.
                            let refusal = Reply.refusal(for: error, longestRequestLine: value.watcher.longestRequestLine)
                            try await refusal.send(to: ResponseWriter(outbound: outbound), head: false, loop: channel.eventLoop)
                            break
                        }
                        guard let part else { break }
                        // The body and end of a request already answered (and closed below).
                        guard case .head(let request) = part else { continue }
                        var reply = await site.reply(to: request)
                        let keepOpen = Self.keepsConnection(request)
                        if !keepOpen { reply.fields[.connection] = "close" }
                        try await reply.send(to: ResponseWriter(outbound: outbound), head: request.method == .head, loop: channel.eventLoop)
                        if !keepOpen { break }
                    }
                    // Our side is done; the client closes (or the idle timeout does).
                    outbound.finish()
                    try await channel.closeFuture.get()
                }
            } onCancel: {
                // The server is stopping: drop the connection, even in the middle of a response.
                channel.close(promise: nil)
            }
        } catch {
            // The client went away, or the server is stopping: nothing to answer.
        }
    }

    /// Whether the connection stays open after answering `request`: only for a
    /// `GET` or `HEAD` without a body, and not asked to close.
    static func keepsConnection(_ request: HTTPRequest) -> Bool {
        guard request.method == .get || request.method == .head else { return false }
        if let length = request.headerFields[.contentLength], length != "0" { return false }
        if request.headerFields[.transferEncoding] != nil { return false }
        if let connection = request.headerFields[.connection], connection.lowercased().contains("close") { return false }
        return true
    }
}
