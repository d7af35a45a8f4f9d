/* Jumeau C de RoundTrip.java : deux processus (fork), le parent mesure.
 * (1) ping-pong de messages de 64 octets, chaque aller-retour chronométré ;
 * (2) débit : messages de 4096 octets par fenêtres de 8, un accusé d'un octet
 * par fenêtre. Transports : unix, tcp, udp, mq, shm (mémoire partagée et
 * sémaphores nommés). Affiche : médiane_ns;p99_ns;Mio/s. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"

#define SMALL 64
#define LARGE 4096
#define WINDOW 8

#define CHECK(x) do { if ((x) == -1) { perror(#x); exit(1); } } while (0)

struct zone {                 /* un sens de la mémoire partagée */
    uint32_t length;
    char bytes[LARGE];
};

typedef struct {
    enum { STREAM, DATAGRAM, MQ, SHM } kind;
    int fd;
    mqd_t mq_out, mq_in;
    struct zone *z_out, *z_in;
    sem_t *empty_out, *full_out, *empty_in, *full_in;
} channel;

static void send_message(channel *c, const char *m, size_t n) {
    switch (c->kind) {
    case STREAM:
        for (size_t done = 0; done < n; ) {
            ssize_t k = write(c->fd, m + done, n - done);
            CHECK(k);
            done += k;
        }
        break;
    case DATAGRAM:
        CHECK(send(c->fd, m, n, 0));
        break;
    case MQ:
        CHECK(mq_send(c->mq_out, m, n, 0));
        break;
    case SHM:
        while (sem_wait(c->empty_out) == -1 && errno == EINTR) {}
        c->z_out->length = n;
        memcpy(c->z_out->bytes, m, n);
        CHECK(sem_post(c->full_out));
        break;
    }
}

static void receive_message(channel *c, char *m, size_t n) {
    ssize_t k = 0;
    switch (c->kind) {
    case STREAM:
        for (size_t done = 0; done < n; done += k) {
            k = read(c->fd, m + done, n - done);
            CHECK(k);
            if (k == 0) { fprintf(stderr, "connexion fermée\n"); exit(1); }
        }
        return;
    case DATAGRAM:
        k = recv(c->fd, m, LARGE, 0);
        break;
    case MQ:
        k = mq_receive(c->mq_in, m, LARGE, NULL); /* tampon >= mq_msgsize */
        break;
    case SHM:
        while (sem_wait(c->full_in) == -1 && errno == EINTR) {}
        k = c->z_in->length;
        memcpy(m, c->z_in->bytes, k);
        CHECK(sem_post(c->empty_in));
        break;
    }
    CHECK(k);
    if ((size_t) k != n) { fprintf(stderr, "message de %zd octets, %zu attendus\n", k, n); exit(1); }
}

static void bursts(channel *c, char *m, int messages) {
    char ack;
    for (int i = 0; i < messages; i += WINDOW) {
        for (int k = 0; k < WINDOW; k++)
            send_message(c, m, LARGE);
        receive_message(c, &ack, 1);
    }
}

static void measure(channel *c, int warm_lat, int lat, int warm_tput, int tput) {
    static char m[LARGE];
    for (int i = 0; i < warm_lat; i++) {
        send_message(c, m, SMALL);
        receive_message(c, m, SMALL);
    }
    long *durations = calloc(lat, sizeof *durations);
    for (int i = 0; i < lat; i++) {
        long t0 = ns();
        send_message(c, m, SMALL);
        receive_message(c, m, SMALL);
        durations[i] = ns() - t0;
    }
    qsort(durations, lat, sizeof *durations, by_long);
    bursts(c, m, warm_tput);
    long t0 = ns();
    bursts(c, m, tput);
    double seconds = (ns() - t0) / 1e9;
    printf("%ld;%ld;%.1f\n", durations[lat / 2], durations[(int) (lat * 0.99)],
           (double) tput * LARGE / (1024 * 1024) / seconds);
    free(durations);
}

static void reply(channel *c, int warm_lat, int lat, int warm_tput, int tput) {
    static char m[LARGE];
    char ack = 1;
    for (int i = 0; i < warm_lat + lat; i++) {
        receive_message(c, m, SMALL);
        send_message(c, m, SMALL);
    }
    for (int i = 0; i < warm_tput + tput; i += WINDOW) {
        for (int k = 0; k < WINDOW; k++)
            receive_message(c, m, LARGE);
        send_message(c, &ack, 1);
    }
}

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static int port_of(int fd) {
    struct sockaddr_in a;
    socklen_t n = sizeof a;
    CHECK(getsockname(fd, (struct sockaddr *) &a, &n));
    return ntohs(a.sin_port);
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage : %s unix|tcp|udp|mq|shm chauffe mesures chauffe-débit débit\n",
                argv[0]);
        return 2;
    }
    const char *t = argv[1];
    int warm_lat = atoi(argv[2]), lat = atoi(argv[3]);
    int warm_tput = atoi(argv[4]), tput = atoi(argv[5]);
    channel here = { 0 }, there = { 0 };
    char name[6][64];
    for (int i = 0; i < 6; i++)
        snprintf(name[i], sizeof name[i], "/progsys-%d-bench-%d", (int) getpid(), i);
    struct sockaddr_un path = { .sun_family = AF_UNIX };
    snprintf(path.sun_path, sizeof path.sun_path, "/tmp/progsys-bench-%d.sock",
             (int) getpid());
    int server = -1, port = 0, one = 1;

    /* Préparer le côté qui mesure, avant le fork. */
    if (strcmp(t, "unix") == 0) {
        CHECK(server = socket(AF_UNIX, SOCK_STREAM, 0));
        CHECK(bind(server, (struct sockaddr *) &path, sizeof path));
        CHECK(listen(server, 1));
    } else if (strcmp(t, "tcp") == 0) {
        struct sockaddr_in a = loopback(0);
        CHECK(server = socket(AF_INET, SOCK_STREAM, 0));
        CHECK(bind(server, (struct sockaddr *) &a, sizeof a));
        CHECK(listen(server, 1));
        port = port_of(server);
    } else if (strcmp(t, "udp") == 0) {
        struct sockaddr_in a = loopback(0);
        here.kind = DATAGRAM;
        CHECK(here.fd = socket(AF_INET, SOCK_DGRAM, 0));
        CHECK(bind(here.fd, (struct sockaddr *) &a, sizeof a));
        port = port_of(here.fd);
    } else if (strcmp(t, "mq") == 0) {
        struct mq_attr attr = { .mq_maxmsg = WINDOW, .mq_msgsize = LARGE };
        here.kind = there.kind = MQ;
        CHECK(here.mq_out = mq_open(name[0], O_CREAT | O_EXCL | O_WRONLY, 0600, &attr));
        CHECK(here.mq_in = mq_open(name[1], O_CREAT | O_EXCL | O_RDONLY, 0600, &attr));
        CHECK(there.mq_in = mq_open(name[0], O_RDONLY));
        CHECK(there.mq_out = mq_open(name[1], O_WRONLY));
    } else if (strcmp(t, "shm") == 0) {
        int fd;
        CHECK(fd = shm_open(name[0], O_CREAT | O_EXCL | O_RDWR, 0600));
        CHECK(ftruncate(fd, 2 * sizeof(struct zone)));
        struct zone *z = mmap(NULL, 2 * sizeof(struct zone), PROT_READ | PROT_WRITE,
                              MAP_SHARED, fd, 0);
        if (z == MAP_FAILED) { perror("mmap"); return 1; }
        close(fd);
        sem_t *s[4];
        for (int i = 0; i < 4; i++) {
            s[i] = sem_open(name[2 + i], O_CREAT | O_EXCL, 0600, i % 2 == 0 ? 1 : 0);
            if (s[i] == SEM_FAILED) { perror("sem_open"); return 1; }
        }
        here = (channel) { .kind = SHM, .z_out = &z[0], .z_in = &z[1],
                           .empty_out = s[0], .full_out = s[1],
                           .empty_in = s[2], .full_in = s[3] };
        there = (channel) { .kind = SHM, .z_out = &z[1], .z_in = &z[0],
                            .empty_out = s[2], .full_out = s[3],
                            .empty_in = s[0], .full_in = s[1] };
    } else {
        fprintf(stderr, "transport inconnu : %s\n", t);
        return 2;
    }
    fflush(stdout);

    pid_t pid = fork();
    CHECK(pid);
    if (pid == 0) {            /* l'autre processus : rejoindre, puis répondre */
        if (strcmp(t, "unix") == 0 || strcmp(t, "tcp") == 0) {
            close(server);
            there.kind = STREAM;
            if (t[0] == 'u') {
                CHECK(there.fd = socket(AF_UNIX, SOCK_STREAM, 0));
                CHECK(connect(there.fd, (struct sockaddr *) &path, sizeof path));
            } else {
                struct sockaddr_in a = loopback(port);
                CHECK(there.fd = socket(AF_INET, SOCK_STREAM, 0));
                CHECK(setsockopt(there.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
                CHECK(connect(there.fd, (struct sockaddr *) &a, sizeof a));
            }
        } else if (strcmp(t, "udp") == 0) {
            struct sockaddr_in me = loopback(0), peer = loopback(port);
            close(here.fd);
            there.kind = DATAGRAM;
            CHECK(there.fd = socket(AF_INET, SOCK_DGRAM, 0));
            CHECK(bind(there.fd, (struct sockaddr *) &me, sizeof me));
            CHECK(connect(there.fd, (struct sockaddr *) &peer, sizeof peer));
            CHECK(send(there.fd, &one, 1, 0));   /* « bonjour » */
        }
        reply(&there, warm_lat, lat, warm_tput, tput);
        _exit(0);
    }

    /* Le côté qui mesure : accepter l'autre processus. */
    if (server != -1) {
        here.kind = STREAM;
        CHECK(here.fd = accept(server, NULL, NULL));
        if (t[0] == 't')
            CHECK(setsockopt(here.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
        close(server);
    } else if (here.kind == DATAGRAM) {
        struct sockaddr_in peer;
        socklen_t n = sizeof peer;
        char hello;
        CHECK(recvfrom(here.fd, &hello, 1, 0, (struct sockaddr *) &peer, &n));
        CHECK(connect(here.fd, (struct sockaddr *) &peer, n));
    }
    measure(&here, warm_lat, lat, warm_tput, tput);
    int status;
    CHECK(waitpid(pid, &status, 0));
    if (t[0] == 'u' && t[1] == 'n')
        unlink(path.sun_path);
    for (int i = 0; i < 6; i++) {
        mq_unlink(name[i]);
        shm_unlink(name[i]);
        sem_unlink(name[i]);
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
