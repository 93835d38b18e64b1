/* WebSocket framing (RFC 6455 §5.2) shared by the C helpers of `scripts/bench streams`. */
#ifndef BENCH_STREAMS_WEBSOCKET_H
#define BENCH_STREAMS_WEBSOCKET_H

#include <stddef.h>
#include <string.h>

/* Writes a final frame's header for a payload of `size` bytes to `out`: masked with the all-zero key
 * when `masked` (as a client must mask; the masked payload is then the payload itself). Its length. */
static size_t ws_header(unsigned char *out, int opcode, size_t size, int masked) {
    size_t head = 2;
    out[0] = 0x80 | opcode;
    if (size < 126) {
        out[1] = size;
    } else if (size < 1 << 16) {
        out[1] = 126;
        out[2] = size >> 8;
        out[3] = size & 0xFF;
        head = 4;
    } else {
        out[1] = 127;
        for (int i = 0; i < 8; i++)
            out[2 + i] = (unsigned char)(size >> (56 - 8 * i));
        head = 10;
    }
    if (masked) {
        out[1] |= 0x80;
        memset(out + head, 0, 4);
        head += 4;
    }
    return head;
}

/* The frame at the start of `data` (`available` bytes): 1, with where its payload starts and its
 * length, when it is whole; 0 when more bytes are needed. A masked frame's key is the 4 bytes before
 * its payload. */
static int ws_frame_at(const unsigned char *data, size_t available, size_t *payload, size_t *length) {
    if (available < 2)
        return 0;
    size_t size = data[1] & 0x7F, head = 2;
    if (size == 126) {
        if (available < 4)
            return 0;
        size = (size_t)data[2] << 8 | data[3];
        head = 4;
    } else if (size == 127) {
        if (available < 10)
            return 0;
        size = 0;
        for (int i = 2; i < 10; i++)
            size = size << 8 | data[i];
        head = 10;
    }
    head += data[1] & 0x80 ? 4 : 0;
    if (available < head || available - head < size)
        return 0;
    *payload = head;
    *length = size;
    return 1;
}

#endif
