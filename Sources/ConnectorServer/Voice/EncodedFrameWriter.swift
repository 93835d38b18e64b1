import NIOCore
import NIOWebSocket

/// Where a media stream's frames leave already encoded: a handler next to the channel's head, past
/// NIO's `WebSocketFrameEncoder`, through which ``MediaStreamSocket`` writes each frame as one
/// buffer — header and payload together, written once — instead of a `WebSocketFrame` that the
/// encoder sends as two (the header in a buffer of its own).
final class EncodedFrameWriter: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Writes a final, unmasked frame (as a server sends) of `opcode` whose payload `writePayload`
    /// appends (at most `capacity` bytes); the frame goes at the next flush.
    func write(_ opcode: WebSocketOpcode, capacity: Int, _ writePayload: (inout ByteBuffer) -> Void) {
        guard let context else { return }
        var frame = context.channel.allocator.buffer(capacity: Self.maximumHeaderSize + capacity)
        frame.moveWriterIndex(forwardBy: Self.maximumHeaderSize)
        frame.moveReaderIndex(forwardBy: Self.maximumHeaderSize)
        writePayload(&frame)
        Self.prependHeader(opcode, to: &frame)
        context.write(wrapOutboundOut(frame), promise: nil)
    }

    func flush() {
        context?.flush()
    }

    /// A server's frame header: FIN and the opcode, then the payload's length in 7 bits, or 126 and
    /// 16 bits, or 127 and 64 bits (RFC 6455 §5.2); no mask.
    static let maximumHeaderSize = 10

    static func prependHeader(_ opcode: WebSocketOpcode, to frame: inout ByteBuffer) {
        let length = frame.readableBytes
        let lengthSize = length < 126 ? 0 : length <= Int(UInt16.max) ? 2 : 8
        let start = frame.readerIndex - 2 - lengthSize
        frame.setInteger(0x80 | UInt8(webSocketOpcode: opcode), at: start)
        switch lengthSize {
        case 0: frame.setInteger(UInt8(length), at: start + 1)
        case 2:
            frame.setInteger(UInt8(126), at: start + 1)
            frame.setInteger(UInt16(length), at: start + 2)
        default:
            frame.setInteger(UInt8(127), at: start + 1)
            frame.setInteger(UInt64(length), at: start + 2)
        }
        frame.moveReaderIndex(to: start)
    }
}
