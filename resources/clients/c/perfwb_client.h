// SPDX-License-Identifier: GPL-3.0-or-later
/* perfwb_client.h — header-only C99 (and C++) client for the perfwb budgets/profiler HTTP API
 * (`perfwb serve`, `perfwb record --serve`). POSIX sockets only, no other dependency.
 *
 * The server is found through PERFWB_API_URL=http://HOST:PORT (HOST an IPv4 address or
 * "localhost"), which `perfwb record --serve -- CMD` sets for the program it records.
 *
 *     #include "perfwb_client.h"      // first, or compile with -D_POSIX_C_SOURCE=200809L
 *
 *     struct perfwb_span s = perfwb_span_begin("render", "render");
 *     render_frame();
 *     perfwb_span_end(&s);            // one POST /api/perf/profiler/span
 *     perfwb_mark("ready", "app");
 *
 *     // C++: { perfwb::Span s("render", "render"); render_frame(); }
 *
 * These calls never break the program: without PERFWB_API_URL they are silent no-ops; on the
 * first failure (server unreachable, timeout, 403 when the feature is off, 401, 5xx) one
 * warning line goes to stderr and every later call is a no-op. A refusal of one call (400, 404,
 * 409, 429) returns -1 with one warning and the client stays on. PERFWB_API_TOKEN, when set,
 * is sent as a bearer token (a service started with --token-file). Each call is one
 * request on its own connection (Connection: close), with a 2 s timeout for the connect, the
 * send and the answer. All functions return 0 when the server accepted the call, -1 otherwise.
 * The state (parsed URL, "disabled" flag) is per translation unit: each .c file including this
 * header warns at most once. Strings are sent as given: they should be UTF-8.
 */
#ifndef PERFWB_CLIENT_H
#define PERFWB_CLIENT_H

/* clock_gettime, CLOCK_MONOTONIC, inet_pton need POSIX.1-2008 declarations; a strict -std=c99
 * hides them unless asked for before the first system header. */
#if !defined(__cplusplus) && !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE) && !defined(_GNU_SOURCE) &&          \
    !defined(_DEFAULT_SOURCE) && !defined(_BSD_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#if defined(__GLIBC__) && !defined(__USE_POSIX199309)
#error "perfwb_client.h: include it before any system header, or compile with -D_POSIX_C_SOURCE=200809L"
#endif

#ifdef MSG_NOSIGNAL
#define PERFWB__SEND_FLAGS MSG_NOSIGNAL /* a closed socket must not raise SIGPIPE */
#else
#define PERFWB__SEND_FLAGS 0
#endif
#define PERFWB__TIMEOUT_MS 2000

/* A span between perfwb_span_begin() and perfwb_span_end(). name and category are not
 * copied: they must stay valid until the end (string literals are the usual case). */
struct perfwb_span {
    const char *name;
    const char *category;
    struct timespec start; /* CLOCK_MONOTONIC */
    double rss_start_mb;   /* < 0: unknown */
    int active;            /* 0: no-op (no server, already ended) */
};

/* ---- internals (prefix perfwb__) ---- */

struct perfwb__state {
    int init;     /* URL parsed */
    int disabled; /* no URL, bad URL or a failure: every call is a no-op */
    struct sockaddr_in addr;
    char host[128];     /* Host header: HOST:PORT as given */
    int warned_refusal; /* a refused call (400/404/409/429) was said once */
};

static inline struct perfwb__state *perfwb__state(void)
{
    static struct perfwb__state state;
    return &state;
}

static inline void perfwb__disable(const char *reason)
{
    struct perfwb__state *st = perfwb__state();
    if (st->disabled)
        return;
    st->disabled = 1;
    fprintf(stderr, "perfwb: %s; further calls are no-ops\n", reason);
    fflush(stderr);
}

/* Parses PERFWB_API_URL once; returns the state, or NULL when calls are no-ops. */
static inline struct perfwb__state *perfwb__ready(void)
{
    struct perfwb__state *st = perfwb__state();
    const char *url, *p, *colon;
    char hostname[64];
    size_t hostlen;
    unsigned long port = 80;

    if (st->init)
        return st->disabled ? NULL : st;
    st->init = 1;
    url = getenv("PERFWB_API_URL");
    if (url == NULL || *url == '\0') {
        st->disabled = 1; /* silently */
        return NULL;
    }
    if (strncmp(url, "http://", 7) != 0)
        goto bad;
    p = url + 7;
    hostlen = strcspn(p, ":/");
    if (hostlen == 0 || hostlen >= sizeof hostname)
        goto bad;
    memcpy(hostname, p, hostlen);
    hostname[hostlen] = '\0';
    colon = p + hostlen;
    if (*colon == ':') {
        char *end;
        if (colon[1] < '0' || colon[1] > '9')
            goto bad;
        port = strtoul(colon + 1, &end, 10);
        if (port == 0 || port > 65535 || (*end != '\0' && strcmp(end, "/") != 0))
            goto bad;
    } else if (*colon != '\0' && strcmp(colon, "/") != 0) {
        goto bad;
    }
    memset(&st->addr, 0, sizeof st->addr);
    st->addr.sin_family = AF_INET;
    st->addr.sin_port = htons((unsigned short)port);
    if (strcmp(hostname, "localhost") == 0)
        st->addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else if (inet_pton(AF_INET, hostname, &st->addr.sin_addr) != 1)
        goto bad;
    snprintf(st->host, sizeof st->host, "%s:%lu", hostname, port);
    return st;
bad : {
    char why[300];
    snprintf(why, sizeof why, "PERFWB_API_URL '%.200s' is not http://IPV4-OR-LOCALHOST:PORT", url);
    perfwb__disable(why);
}
    return NULL;
}

/* A growable text buffer; on allocation failure it stays marked and the call fails. */
struct perfwb__buf {
    char *p;
    size_t len, cap;
    int oom;
};

static inline void perfwb__put(struct perfwb__buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *q;
        while (cap < b->len + n + 1)
            cap *= 2;
        q = (char *)realloc(b->p, cap);
        if (q == NULL) {
            b->oom = 1;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static inline void perfwb__puts(struct perfwb__buf *b, const char *s)
{
    perfwb__put(b, s, strlen(s));
}

/* A JSON string literal: quotes, backslashes and control characters escaped. */
static inline void perfwb__put_json_string(struct perfwb__buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    perfwb__put(b, "\"", 1);
    for (; *u; ++u) {
        char esc[7];
        const char *rep = NULL;
        switch (*u) {
        case '"':
            rep = "\\\"";
            break;
        case '\\':
            rep = "\\\\";
            break;
        case '\b':
            rep = "\\b";
            break;
        case '\f':
            rep = "\\f";
            break;
        case '\n':
            rep = "\\n";
            break;
        case '\r':
            rep = "\\r";
            break;
        case '\t':
            rep = "\\t";
            break;
        default:
            if (*u < 0x20) {
                esc[0] = '\\';
                esc[1] = 'u';
                esc[2] = '0';
                esc[3] = '0';
                esc[4] = hex[*u >> 4];
                esc[5] = hex[*u & 15];
                esc[6] = '\0';
                rep = esc;
            }
        }
        if (rep != NULL)
            perfwb__puts(b, rep);
        else
            perfwb__put(b, (const char *)u, 1);
    }
    perfwb__put(b, "\"", 1);
}

/* A JSON number with 6 decimals, independent of the C locale (no "12,5"); null if not finite. */
static inline void perfwb__put_number(struct perfwb__buf *b, double x)
{
    char text[48];
    unsigned long long micro;
    if (!(x == x) || x > 1e12 || x < -1e12) { /* NaN, infinities, absurd values */
        perfwb__puts(b, "null");
        return;
    }
    micro = (unsigned long long)((x < 0 ? -x : x) * 1e6 + 0.5);
    snprintf(text, sizeof text, "%s%llu.%06llu", x < 0 && micro ? "-" : "", micro / 1000000, micro % 1000000);
    perfwb__puts(b, text);
}

static inline void perfwb__put_key(struct perfwb__buf *b, const char *key)
{
    perfwb__puts(b, b->len > 1 ? ",\"" : "\"");
    perfwb__puts(b, key);
    perfwb__puts(b, "\":");
}

static inline void perfwb__put_string_field(struct perfwb__buf *b, const char *key, const char *value)
{
    perfwb__put_key(b, key);
    perfwb__put_json_string(b, value);
}

static inline void perfwb__put_number_field(struct perfwb__buf *b, const char *key, double value)
{
    perfwb__put_key(b, key);
    perfwb__put_number(b, value);
}

static inline long perfwb__ms_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - t0->tv_sec) * 1000L + (long)(now.tv_nsec - t0->tv_nsec) / 1000000L;
}

/* Connects with a non-blocking connect() and a 2 s timeout; -1 with errno on failure. */
static inline int perfwb__connect(const struct sockaddr_in *addr)
{
    struct timeval tv;
    struct timespec t0;
    int fd, flags, err = 0;
    socklen_t errlen = sizeof err;

    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
        goto fail;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0) {
        if (errno != EINPROGRESS && errno != EINTR)
            goto fail;
        for (;;) {
            struct pollfd pfd;
            long left = PERFWB__TIMEOUT_MS - perfwb__ms_since(&t0);
            int n;
            if (left <= 0) {
                errno = ETIMEDOUT;
                goto fail;
            }
            pfd.fd = fd;
            pfd.events = POLLOUT;
            pfd.revents = 0;
            n = poll(&pfd, 1, (int)left);
            if (n > 0)
                break;
            if (n < 0 && errno != EINTR)
                goto fail;
        }
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &errlen) < 0)
            goto fail;
        if (err != 0) {
            errno = err;
            goto fail;
        }
    }
    if (fcntl(fd, F_SETFL, flags) < 0)
        goto fail;
    tv.tv_sec = PERFWB__TIMEOUT_MS / 1000;
    tv.tv_usec = (PERFWB__TIMEOUT_MS % 1000) * 1000;
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
fail:
    err = errno;
    close(fd);
    errno = err;
    return -1;
}

/* Case-insensitive "starts with" for header names. */
static inline int perfwb__has_prefix(const char *s, const char *prefix)
{
    for (; *prefix; ++s, ++prefix) {
        char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
        if (c != *prefix)
            return 0;
    }
    return 1;
}

/* One request: POST (body != NULL) or GET to /api/perf<route>. 0 on a 2xx answer; otherwise
 * one warning, -1, and every later call is a no-op. */
static inline int perfwb__request(const char *route, const struct perfwb__buf *body)
{
    struct perfwb__state *st = perfwb__ready();
    const char *method = body ? "POST" : "GET";
    struct perfwb__buf req;
    char head[4096], why[512];
    size_t got = 0, sent = 0, head_end = 0, want = (size_t)-1;
    int fd, status = 0;

    if (st == NULL)
        return -1;
    memset(&req, 0, sizeof req);
    perfwb__puts(&req, method);
    perfwb__puts(&req, " /api/perf");
    perfwb__puts(&req, route);
    perfwb__puts(&req, " HTTP/1.1\r\nHost: ");
    perfwb__puts(&req, st->host);
    perfwb__puts(&req, "\r\nAccept: application/json\r\nConnection: close\r\n");
    {
        /* A service started with --token-file wants it as a bearer token. */
        const char *token = getenv("PERFWB_API_TOKEN");
        if (token != NULL && *token != '\0' && strcspn(token, "\r\n") == strlen(token)) {
            perfwb__puts(&req, "Authorization: Bearer ");
            perfwb__puts(&req, token);
            perfwb__puts(&req, "\r\n");
        }
    }
    if (body != NULL) {
        char clen[32];
        snprintf(clen, sizeof clen, "%lu", (unsigned long)body->len);
        perfwb__puts(&req, "Content-Type: application/json\r\nContent-Length: ");
        perfwb__puts(&req, clen);
        perfwb__puts(&req, "\r\n\r\n");
        if (body->oom)
            req.oom = 1;
        else
            perfwb__put(&req, body->p, body->len);
    } else {
        perfwb__puts(&req, "\r\n");
    }
    if (req.oom) {
        free(req.p);
        snprintf(why, sizeof why, "out of memory for %s /api/perf%s", method, route);
        perfwb__disable(why);
        return -1;
    }

    fd = perfwb__connect(&st->addr);
    if (fd < 0) {
        free(req.p);
        snprintf(why, sizeof why, "cannot reach the server at %s (%s)", st->host, strerror(errno));
        perfwb__disable(why);
        return -1;
    }
    while (sent < req.len) {
        ssize_t n = send(fd, req.p + sent, req.len - sent, PERFWB__SEND_FLAGS);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int err = n < 0 ? errno : EPIPE;
            free(req.p);
            close(fd);
            snprintf(why, sizeof why, "cannot send to %s (%s)", st->host,
                     strerror(err == EAGAIN || err == EWOULDBLOCK ? ETIMEDOUT : err));
            perfwb__disable(why);
            return -1;
        }
        sent += (size_t)n;
    }
    free(req.p);

    /* The status line and headers go to head (the rest of a long answer is read and dropped),
     * then the body up to Content-Length or EOF: reading it all lets the server close first. */
    while (want == (size_t)-1 || got < want) {
        char sink[4096];
        int in_head = got < sizeof head - 1;
        ssize_t n = recv(fd, in_head ? head + got : sink, in_head ? sizeof head - 1 - got : sizeof sink, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            close(fd);
            snprintf(why, sizeof why, "no answer from %s to %s /api/perf%s (%s)", st->host, method, route,
                     strerror(err == EAGAIN || err == EWOULDBLOCK ? ETIMEDOUT : err));
            perfwb__disable(why);
            return -1;
        }
        if (n == 0)
            break;
        if (in_head) {
            head[got + (size_t)n] = '\0';
            if (head_end == 0) {
                const char *e = strstr(head, "\r\n\r\n"), *h = head;
                if (e != NULL) {
                    head_end = (size_t)(e - head) + 4;
                    while ((h = strchr(h, '\n')) != NULL && h < e) {
                        ++h;
                        if (perfwb__has_prefix(h, "content-length:")) {
                            want = head_end + (size_t)strtoul(h + 15, NULL, 10);
                            break;
                        }
                    }
                }
            }
        }
        got += (size_t)n;
    }
    close(fd);
    if (got >= 12 && strncmp(head, "HTTP/1.", 7) == 0)
        status = atoi(head + 9);
    if (status < 200 || status > 299) {
        char detail[160];
        size_t i = 0;
        if (head_end != 0 && head_end < got && got < sizeof head) {
            const char *s = head + head_end; /* the JSON error, made one line */
            for (; s[i] != '\0' && i < sizeof detail - 1; ++i)
                detail[i] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
        }
        detail[i] = '\0';
        if (status == 0)
            snprintf(why, sizeof why, "no HTTP answer from %s to %s /api/perf%s", st->host, method, route);
        else
            snprintf(why, sizeof why, "server answered %d to %s /api/perf%s%s%s%s", status, method, route,
                     i ? " (" : "", detail, i ? ")" : "");
        if (status == 400 || status == 404 || status == 409 || status == 429) {
            /* This one call was refused (an id registered twice, unknown, a full queue): the
             * service is there, so the client stays on; said once. */
            if (!st->warned_refusal) {
                st->warned_refusal = 1;
                fprintf(stderr, "perfwb: %s\n", why);
                fflush(stderr);
            }
            return -1;
        }
        perfwb__disable(why);
        return -1;
    }
    return 0;
}

static inline double perfwb__rss_mb(void)
{
    char text[128];
    ssize_t n;
    long pages;
    const char *p;
    int fd = open("/proc/self/statm", O_RDONLY);
    if (fd < 0)
        return -1.0;
    n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0)
        return -1.0;
    text[n] = '\0';
    p = strchr(text, ' ');
    if (p == NULL)
        return -1.0;
    pages = strtol(p + 1, NULL, 10);
    return (double)pages * (double)sysconf(_SC_PAGESIZE) / 1048576.0;
}

/* POSTs {"key": value} to route; the common shape of the id-only calls. */
static inline int perfwb__post_id(const char *route, const char *key, const char *value)
{
    struct perfwb__buf b;
    int rc;
    if (perfwb__ready() == NULL || value == NULL)
        return -1;
    memset(&b, 0, sizeof b);
    perfwb__puts(&b, "{");
    perfwb__put_string_field(&b, key, value);
    perfwb__puts(&b, "}");
    rc = perfwb__request(route, &b);
    free(b.p);
    return rc;
}

/* ---- public API ---- */

/* Posts a mark (a point in time). category NULL means "default". */
static inline int perfwb_mark(const char *name, const char *category)
{
    struct perfwb__buf b;
    int rc;
    if (perfwb__ready() == NULL || name == NULL)
        return -1;
    memset(&b, 0, sizeof b);
    perfwb__puts(&b, "{");
    perfwb__put_string_field(&b, "name", name);
    perfwb__put_string_field(&b, "category", category ? category : "default");
    perfwb__puts(&b, ",\"metadata\":{}}");
    rc = perfwb__request("/profiler/mark", &b);
    free(b.p);
    return rc;
}

/* Starts a span (wall time from CLOCK_MONOTONIC, RSS now); nothing is sent until the end. */
static inline struct perfwb_span perfwb_span_begin(const char *name, const char *category)
{
    struct perfwb_span s;
    memset(&s, 0, sizeof s);
    s.name = name;
    s.category = category ? category : "default";
    s.rss_start_mb = -1.0;
    if (perfwb__ready() == NULL || name == NULL)
        return s;
    s.active = 1;
    s.rss_start_mb = perfwb__rss_mb();
    clock_gettime(CLOCK_MONOTONIC, &s.start);
    return s;
}

/* Ends a span: one POST /profiler/span with duration_ms, rss_start_mb, rss_end_mb. A second
 * end of the same span is a no-op. */
static inline int perfwb_span_end(struct perfwb_span *s)
{
    struct timespec now;
    struct perfwb__buf b;
    double duration_ms, rss_end;
    int rc;
    if (s == NULL || !s->active)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &now);
    s->active = 0;
    rss_end = perfwb__rss_mb();
    duration_ms = (double)(now.tv_sec - s->start.tv_sec) * 1e3 + (double)(now.tv_nsec - s->start.tv_nsec) / 1e6;
    if (perfwb__ready() == NULL)
        return -1;
    memset(&b, 0, sizeof b);
    perfwb__puts(&b, "{");
    perfwb__put_string_field(&b, "name", s->name);
    perfwb__put_string_field(&b, "category", s->category);
    perfwb__put_number_field(&b, "duration_ms", duration_ms);
    if (s->rss_start_mb >= 0 && rss_end >= 0) {
        perfwb__put_number_field(&b, "rss_start_mb", s->rss_start_mb);
        perfwb__put_number_field(&b, "rss_end_mb", rss_end);
    }
    perfwb__puts(&b, ",\"metadata\":{}}");
    rc = perfwb__request("/profiler/span", &b);
    free(b.p);
    return rc;
}

/* Registers a job with resource hints (a negative hint is left out). job_type NULL: "generic". */
static inline int perfwb_job_register(const char *job_id, const char *job_type, double cpu_percent, double ram_mb,
                                      double vram_mb)
{
    struct perfwb__buf b;
    int rc;
    if (perfwb__ready() == NULL || job_id == NULL)
        return -1;
    memset(&b, 0, sizeof b);
    perfwb__puts(&b, "{");
    perfwb__put_string_field(&b, "job_id", job_id);
    perfwb__put_string_field(&b, "job_type", job_type ? job_type : "generic");
    perfwb__puts(&b, ",\"payload\":{\"perf\":{");
    {
        size_t mark = b.len; /* no comma before the first hint */
        const char *keys[3] = {"cpu_percent", "ram_mb", "vram_mb"};
        double values[3];
        int i;
        values[0] = cpu_percent;
        values[1] = ram_mb;
        values[2] = vram_mb;
        for (i = 0; i < 3; ++i) {
            if (!(values[i] >= 0))
                continue;
            perfwb__puts(&b, b.len > mark ? ",\"" : "\"");
            perfwb__puts(&b, keys[i]);
            perfwb__puts(&b, "\":");
            perfwb__put_number(&b, values[i]);
        }
    }
    perfwb__puts(&b, "}}}");
    rc = perfwb__request("/budgets/jobs/register", &b);
    free(b.p);
    return rc;
}

/* Asks to start a job (the server runs it or delays it; both answer 2xx). */
static inline int perfwb_job_start(const char *job_id)
{
    return perfwb__post_id("/budgets/jobs/start", "job_id", job_id);
}

static inline int perfwb_job_finish(const char *job_id)
{
    return perfwb__post_id("/budgets/jobs/finish", "job_id", job_id);
}

/* Registers a lazily loaded asset of size_mb MiB. */
static inline int perfwb_asset_register(const char *asset_id, double size_mb)
{
    struct perfwb__buf b;
    int rc;
    if (perfwb__ready() == NULL || asset_id == NULL)
        return -1;
    memset(&b, 0, sizeof b);
    perfwb__puts(&b, "{");
    perfwb__put_string_field(&b, "asset_id", asset_id);
    perfwb__put_number_field(&b, "size_mb", size_mb);
    perfwb__puts(&b, "}");
    rc = perfwb__request("/budgets/assets/register", &b);
    free(b.p);
    return rc;
}

static inline int perfwb_asset_touch(const char *asset_id)
{
    return perfwb__post_id("/budgets/assets/touch", "asset_id", asset_id);
}

/* Evicts one asset, or with NULL the least recently used ones down to the server's target. */
static inline int perfwb_asset_evict(const char *asset_id)
{
    struct perfwb__buf b;
    int rc;
    if (asset_id != NULL)
        return perfwb__post_id("/budgets/assets/evict", "asset_id", asset_id);
    if (perfwb__ready() == NULL)
        return -1;
    memset(&b, 0, sizeof b);
    perfwb__puts(&b, "{}");
    rc = perfwb__request("/budgets/assets/evict", &b);
    free(b.p);
    return rc;
}

#ifdef __cplusplus
namespace perfwb {

/* RAII span: begins in the constructor, ends (one POST) in the destructor or at end(). The
 * strings are not copied: they must outlive the Span. */
class Span {
public:
    explicit Span(const char *name, const char *category = "default") noexcept
        : span_(perfwb_span_begin(name, category))
    {}
    ~Span() { perfwb_span_end(&span_); }
    Span(const Span &) = delete;
    Span &operator=(const Span &) = delete;
    int end() noexcept { return perfwb_span_end(&span_); }

private:
    perfwb_span span_;
};

inline int mark(const char *name, const char *category = "default") noexcept
{
    return perfwb_mark(name, category);
}

} // namespace perfwb
#endif

#endif /* PERFWB_CLIENT_H */
