import NIOCore
import NIOWebSocket

extension WebSocketFrame {
    /// The frame's application data, unmasked eight bytes at a time (NIO's `unmaskedData` XORs
    /// byte by byte, which showed in the media streams' profile).
    var unmaskedPayload: ByteBuffer {
        guard let key = maskKey else { return data }
        var payload = data
        payload.withUnsafeMutableReadableBytes { bytes in
            let word = withUnsafeBytes(of: (key[0], key[1], key[2], key[3], key[0], key[1], key[2], key[3])) {
                $0.loadUnaligned(as: UInt64.self)
            }
            var index = 0
            while index + 8 <= bytes.count {
                let masked = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                bytes.storeBytes(of: masked ^ word, toByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < bytes.count {
                bytes[index] ^= key[index % 4]
                index += 1
            }
        }
        return payload
    }
}
