/* The floor of `scripts/bench streams`: the least a server can spend echoing media frames on this machine.
 * Two processes (one per core) on one listening socket, each an epoll loop that reads a connection's
 * frames and writes their payloads back in one write: no JSON, no base64, no session, no checks. It
 * answers any upgrade request with 101 without validating it, so it is a measure of what the kernel
 * and loopback TCP cost a frame (and of how much of the cores the client leaves), not a server.
 *
 * Usage: bench-streams-floor PORT; prints "ready PID PID" once both processes listen on 127.0.0.1:PORT.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench-streams-websocket.h"

typedef struct {
    int fd, upgraded;
    size_t buffered;
    unsigned char buffer[1 << 16];
} Connection;

static const char upgraded_answer[] = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";

static void accept_connection(int listener, int epoll_fd) {
    int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK), on = 1;
    if (fd < 0)
        return; /* the other process took it */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    Connection *connection = calloc(1, sizeof *connection);
    connection->fd = fd;
    struct epoll_event interest = {.events = EPOLLIN, .data.ptr = connection};
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &interest);
}

/* Each whole text frame of `connection`'s buffer, unmasked, as a server frame appended to `out`. */
static size_t echo_frames(Connection *connection, unsigned char *out, size_t room) {
    size_t position = 0, written = 0, available = connection->buffered, payload, length;
    const unsigned char *data = connection->buffer;
    while (ws_frame_at(data + position, available - position, &payload, &length)) {
        const unsigned char *bytes = data + position + payload, *mask = bytes - 4;
        int masked = data[position + 1] & 0x80;
        if ((data[position] & 0x0F) == 0x1 && written + 10 + length <= room) {
            written += ws_header(out + written, 0x1, length, 0);
            for (size_t i = 0; i < length; i++)
                out[written++] = masked ? bytes[i] ^ mask[i & 3] : bytes[i];
        }
        position += payload + length;
    }
    memmove(connection->buffer, data + position, available - position);
    connection->buffered = available - position;
    return written;
}

static void serve_connection(Connection *connection) {
    static unsigned char out[1 << 17];
    ssize_t size = read(connection->fd, connection->buffer + connection->buffered, sizeof connection->buffer - connection->buffered);
    if (size <= 0) {
        if (size < 0 && errno == EAGAIN)
            return;
        close(connection->fd);
        free(connection);
        return;
    }
    connection->buffered += size;
    if (!connection->upgraded) {
        unsigned char *end = memmem(connection->buffer, connection->buffered, "\r\n\r\n", 4);
        if (end == NULL)
            return;
        if (write(connection->fd, upgraded_answer, sizeof upgraded_answer - 1) < 0)
            return;
        size_t used = end + 4 - connection->buffer;
        memmove(connection->buffer, connection->buffer + used, connection->buffered - used);
        connection->buffered -= used;
        connection->upgraded = 1;
    }
    size_t length = echo_frames(connection, out, sizeof out);
    if (length && write(connection->fd, out, length) < 0)
        perror("write");
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 4096) != 0) {
        perror("listen");
        return 1;
    }
    pid_t child = fork();
    if (child > 0) {
        printf("ready %d %d\n", getpid(), child);
        fflush(stdout);
    } else {
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlives the process scripts/bench stops */
    }
    int epoll_fd = epoll_create1(0);
    struct epoll_event interest = {.events = EPOLLIN, .data.ptr = NULL}, ready[256];
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listener, &interest);
    for (;;) {
        int count = epoll_wait(epoll_fd, ready, 256, -1);
        for (int i = 0; i < count; i++) {
            if (ready[i].data.ptr == NULL)
                accept_connection(listener, epoll_fd);
            else
                serve_connection(ready[i].data.ptr);
        }
    }
}
