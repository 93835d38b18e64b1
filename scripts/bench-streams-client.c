/* The timed part of one `scripts/bench streams` client process: acting as Twilio on WebSockets that
 * scripts/bench has already opened (inboundCall webhook, signed upgrade, `connected`, `start`), it sends
 * a 20 ms `media` frame every 20 ms per call on a common schedule (phases spread over the 20 ms), a
 * `mark` every second and `stop` at the end, and times each frame's echo.
 *
 * C rather than Python so that the client, which shares the cores with the server it measures, costs
 * a few microseconds a frame instead of ~50: at 500 calls the Python loop took more CPU than `serve`.
 * It measures exactly what the Python loop did, against ours and the baseline alike.
 *
 * Usage: bench-streams-client CALLS OUT (scripts/bench compiles and runs it; it is not a user tool).
 *   CALLS  first line: account sid, the frame's base64 audio after its 4-character tag;
 *          then one line a call, ordered by phase: fd index phase messages-sent streamSid callSid, and
 *          the bytes read past the upgrade's answer in hex ("-" when none)
 *   stdin  after "ready" is printed: start, measured-from and stop, as CLOCK_MONOTONIC seconds
 *   OUT    OUT.turnarounds and OUT.delays (native doubles, seconds); the counts go to stdout as JSON.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "bench-streams-websocket.h"

#define FRAME_SECONDS 0.02
#define FRAMES_PER_SECOND 50
#define DRAIN_SECONDS 1.0 /* a frame not echoed this long after the last one is sent counts as lost */
#define READ_EVERY 16     /* sends between two looks at the sockets when the schedule is behind */
#define MAX_ERRORS 5
/* How late a wait for the next frame due may end (the kernel's timer slack): waking for each of
 * 1 000 calls' frames 20 µs apart would cost the client a context switch a frame. */
#define WAKE_SLACK_NANOSECONDS 500000

typedef struct {
    int fd, index, open;
    double phase;
    long messages, echoes, in_flight;
    char sid[64], call_sid[64];
    unsigned char *buffer; /* bytes read that do not make a whole frame yet */
    size_t buffered, capacity;
    double *pending; /* by sequence number: when the frame was sent, 0 when it is not in flight */
} Call;

typedef struct {
    double *values;
    size_t count, capacity;
} Series;

static Call *calls;
static int call_count, epoll_fd;
static long rounds, sent, mismatched, unexpected, closed_early, stalls;
static double measured_from;
static char account[64], rest[512];
static size_t rest_length;
static Series turnarounds, delays;
static char errors[MAX_ERRORS][256];
static int error_count;

static double monotonic(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

static void append(Series *series, double value) {
    if (series->count == series->capacity) {
        series->capacity = series->capacity ? series->capacity * 2 : 1 << 16;
        series->values = realloc(series->values, series->capacity * sizeof(double));
    }
    series->values[series->count++] = value;
}

static void note_error(const char *format, int index, const char *detail) {
    if (error_count < MAX_ERRORS)
        snprintf(errors[error_count++], sizeof errors[0], format, index, detail);
}

/* A client's frame of `text` (opcode `opcode`), masked with the all-zero key. */
static size_t ws_frame(unsigned char *out, const char *text, size_t size, int opcode) {
    size_t head = ws_header(out, opcode, size, 1);
    memcpy(out + head, text, size);
    return head + size;
}

/* Writes all of `frame`, waiting at most `seconds` once the socket is full; 0 when it could not. */
static int send_all(Call *call, const unsigned char *frame, size_t size, double seconds, int count_stall) {
    ssize_t written = send(call->fd, frame, size, MSG_NOSIGNAL);
    if (written < 0 && errno != EAGAIN)
        return 0;
    size_t done = written < 0 ? 0 : (size_t)written;
    if (done < size && count_stall)
        stalls++;
    double deadline = monotonic() + seconds;
    while (done < size) {
        struct pollfd writable = {call->fd, POLLOUT, 0};
        int wait = (int)((deadline - monotonic()) * 1000);
        if (wait <= 0 || poll(&writable, 1, wait) <= 0)
            return 0;
        written = send(call->fd, frame + done, size - done, MSG_NOSIGNAL);
        if (written < 0 && errno != EAGAIN)
            return 0;
        done += written < 0 ? 0 : (size_t)written;
    }
    return 1;
}

static int base64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* The sequence number in a payload's first 4 base64 characters (3 bytes 0x20 + 6 bits each); -1 if none. */
static long tag_sequence(const unsigned char *tag) {
    int a = base64_value(tag[0]), b = base64_value(tag[1]), c = base64_value(tag[2]), d = base64_value(tag[3]);
    if ((a | b | c | d) < 0)
        return -1;
    unsigned bits = a << 18 | b << 12 | c << 6 | d, sequence = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        unsigned byte = (bits >> shift & 0xFF) - 0x20;
        if (byte > 63)
            return -1;
        sequence = sequence << 6 | byte;
    }
    return sequence;
}

static void tag_of(long sequence, char *out) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned bits = (0x20 + (sequence >> 12 & 63)) << 16 | (0x20 + (sequence >> 6 & 63)) << 8 | (0x20 + (sequence & 63));
    for (int i = 0; i < 4; i++)
        out[i] = alphabet[bits >> (18 - 6 * i) & 63];
}

static void close_call(Call *call) {
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, call->fd, NULL);
    call->open = 0;
    closed_early++;
}

/* One server frame of `call`: an echo timed, a ping answered, a close noted. */
static void received_frame(Call *call, int opcode, const unsigned char *payload, size_t size, double received) {
    static const char marker[] = "\"payload\":\"";
    const size_t marker_length = sizeof marker - 1;
    if (opcode == 0x1) {
        const unsigned char *at = memmem(payload, size, marker, marker_length);
        if (at == NULL)
            return; /* not audio (a mark or a clear): nothing to time */
        const unsigned char *tag = at + marker_length, *end = payload + size;
        long sequence = end - tag >= 4 ? tag_sequence(tag) : -1;
        if (sequence < 0 || sequence >= rounds || call->pending[sequence] == 0) {
            unexpected++;
            return;
        }
        double sent_at = call->pending[sequence];
        call->pending[sequence] = 0;
        call->in_flight--;
        call->echoes++;
        if ((size_t)(end - tag - 4) < rest_length + 1 || memcmp(tag + 4, rest, rest_length) != 0 || tag[4 + rest_length] != '"')
            mismatched++;
        if (sent_at >= measured_from)
            append(&turnarounds, received - sent_at);
    } else if (opcode == 0x9) {
        unsigned char pong[200];
        if (size <= 125 && !send_all(call, pong, ws_frame(pong, (const char *)payload, size, 0xA), 10, 1))
            note_error("call %d: the pong could not be sent%s", call->index, "");
    } else if (opcode == 0x8) {
        char reason[128] = "";
        if (size > 2)
            snprintf(reason, sizeof reason, "%.*s", (int)(size - 2 < 127 ? size - 2 : 127), payload + 2);
        note_error("call %d closed by the server: %s", call->index, reason);
    }
}

static void read_call(Call *call) {
    static unsigned char chunk[1 << 18];
    ssize_t size = recv(call->fd, chunk, sizeof chunk, 0);
    if (size < 0 && errno == EAGAIN)
        return;
    double received = monotonic();
    if (size <= 0) {
        close_call(call);
        return;
    }
    const unsigned char *data = chunk;
    size_t available = size;
    if (call->buffered) {
        if (call->buffered + size > call->capacity) {
            call->capacity = call->buffered + size;
            call->buffer = realloc(call->buffer, call->capacity);
        }
        memcpy(call->buffer + call->buffered, chunk, size);
        data = call->buffer;
        available = call->buffered + size;
    }
    size_t position = 0, payload, length;
    while (ws_frame_at(data + position, available - position, &payload, &length)) {
        received_frame(call, data[position] & 0x0F, data + position + payload, length, received);
        position += payload + length;
    }
    size_t left = available - position;
    if (left > call->capacity) {
        call->capacity = left;
        call->buffer = realloc(call->buffer, call->capacity);
    }
    if (left)
        memmove(call->buffer, data + position, left);
    call->buffered = left;
}

/* Reads what the sockets have, waiting at most `seconds` for something to arrive. */
static void read_ready(double seconds) {
    struct epoll_event events[256];
    struct timespec wait = {(time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9)};
    int ready = epoll_pwait2(epoll_fd, events, 256, &wait, NULL);
    for (int i = 0; i < ready; i++) {
        Call *call = &calls[events[i].data.u32];
        if (call->open)
            read_call(call);
    }
}

static void send_frame(Call *call, long sequence, double due) {
    char text[1024], tag[4];
    unsigned char frame[2048];
    tag_of(sequence, tag);
    int size = snprintf(text, sizeof text,
                        "{\"event\":\"media\",\"sequenceNumber\":\"%ld\",\"streamSid\":\"%s\",\"media\":{\"track\":\"inbound\","
                        "\"chunk\":\"%ld\",\"timestamp\":\"%ld\",\"payload\":\"%.4s%s\"}}",
                        ++call->messages, call->sid, sequence + 1, sequence * 20, tag, rest);
    size_t length = ws_frame(frame, text, size, 0x1);
    if (sequence % FRAMES_PER_SECOND == FRAMES_PER_SECOND - 1) {
        size = snprintf(text, sizeof text, "{\"event\":\"mark\",\"sequenceNumber\":\"%ld\",\"streamSid\":\"%s\",\"mark\":{\"name\":\"second-%ld\"}}",
                        ++call->messages, call->sid, sequence / FRAMES_PER_SECOND + 1);
        length += ws_frame(frame + length, text, size, 0x1);
    }
    double sent_at = monotonic();
    if (!send_all(call, frame, length, 10, 1)) {
        note_error("call %d: %s", call->index, strerror(errno));
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, call->fd, NULL);
        call->open = 0;
        return;
    }
    call->pending[sequence] = sent_at;
    call->in_flight++;
    if (sent_at >= measured_from)
        sent++;
    if (due >= measured_from)
        append(&delays, sent_at - due);
}

static void send_stop(Call *call) {
    char text[512];
    unsigned char frame[1024];
    int size = snprintf(text, sizeof text,
                        "{\"event\":\"stop\",\"sequenceNumber\":\"%ld\",\"streamSid\":\"%s\",\"stop\":{\"accountSid\":\"%s\",\"callSid\":\"%s\"}}",
                        ++call->messages, call->sid, account, call->call_sid);
    size_t length = ws_frame(frame, text, size, 0x1);
    length += ws_frame(frame + length, "\x03\xe8", 2, 0x8);
    send_all(call, frame, length, 2, 0);
}

static void write_series(const char *out, const char *suffix, const Series *series) {
    char path[4096];
    snprintf(path, sizeof path, "%s.%s", out, suffix);
    FILE *file = fopen(path, "wb");
    if (file == NULL || fwrite(series->values, sizeof(double), series->count, file) != series->count) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
    fclose(file);
}

static void print_json_string(const char *text) {
    putchar('"');
    for (; *text; text++) {
        if (*text == '"' || *text == '\\')
            printf("\\%c", *text);
        else if ((unsigned char)*text < 0x20)
            printf("\\u%04x", *text);
        else
            putchar(*text);
    }
    putchar('"');
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CALLS OUT\n", argv[0]);
        return 2;
    }
    FILE *list = fopen(argv[1], "r");
    if (list == NULL || fscanf(list, "%63s %511s", account, rest) != 2) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    rest_length = strlen(rest);
    prctl(PR_SET_TIMERSLACK, WAKE_SLACK_NANOSECONDS);
    epoll_fd = epoll_create1(0);
    int capacity = 0;
    Call call = {0};
    static char leftover[1 << 17];
    while (fscanf(list, "%d %d %lf %ld %63s %63s %131071s", &call.fd, &call.index, &call.phase, &call.messages, call.sid,
                  call.call_sid, leftover) == 7) {
        if (call_count == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            calls = realloc(calls, capacity * sizeof(Call));
        }
        call.open = 1;
        call.buffered = call.capacity = strcmp(leftover, "-") ? strlen(leftover) / 2 : 0;
        call.buffer = call.capacity ? malloc(call.capacity) : NULL;
        for (size_t i = 0; i < call.buffered; i++)
            sscanf(leftover + 2 * i, "%2hhx", &call.buffer[i]);
        fcntl(call.fd, F_SETFL, fcntl(call.fd, F_GETFL) | O_NONBLOCK);
        struct epoll_event interest = {.events = EPOLLIN, .data.u32 = call_count};
        if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, call.fd, &interest) != 0) {
            fprintf(stderr, "fd %d is not a socket of this process\n", call.fd);
            return 2;
        }
        calls[call_count++] = call;
    }
    fclose(list);

    printf("ready\n");
    fflush(stdout);
    double start, stop;
    if (scanf("%lf %lf %lf", &start, &measured_from, &stop) != 3)
        return 2;
    rounds = (long)((stop - start) / FRAME_SECONDS) + 2;
    for (int i = 0; i < call_count; i++)
        calls[i].pending = calloc(rounds, sizeof(double));

    long sequence = 0;
    int position = 0, since_read = 0;
    for (;;) {
        Call *next = &calls[position];
        double due = start + next->phase + sequence * FRAME_SECONDS;
        if (due >= stop)
            break;
        double now = monotonic();
        if (now < due) {
            read_ready(due - now);
            since_read = 0;
            continue;
        }
        if (next->open)
            send_frame(next, sequence, due);
        if (++position == call_count) {
            position = 0;
            sequence++;
        }
        if (++since_read >= READ_EVERY) {
            read_ready(0);
            since_read = 0;
        }
    }
    double drained_by = monotonic() + DRAIN_SECONDS;
    for (int waiting = 1; waiting && monotonic() < drained_by;) {
        waiting = 0;
        for (int i = 0; i < call_count && !waiting; i++)
            waiting = calls[i].open && calls[i].in_flight > 0;
        if (waiting)
            read_ready(0.05);
    }
    long silent = 0;
    for (int i = 0; i < call_count; i++) {
        if (calls[i].open)
            send_stop(&calls[i]);
        close(calls[i].fd);
        silent += calls[i].echoes == 0;
    }
    write_series(argv[2], "turnarounds", &turnarounds);
    write_series(argv[2], "delays", &delays);
    printf("{\"sent\": %ld, \"echoed\": %zu, \"mismatched\": %ld, \"unexpected\": %ld, \"closed\": %ld, \"stalls\": %ld, "
           "\"silent\": %ld, \"errors\": [",
           sent, turnarounds.count, mismatched, unexpected, closed_early, stalls, silent);
    for (int i = 0; i < error_count; i++) {
        if (i)
            printf(", ");
        print_json_string(errors[i]);
    }
    printf("]}\n");
    return 0;
}
