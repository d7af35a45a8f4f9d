/* Jumeau C de RoundTrip.java : deux processus (fork), le parent mesure.
 * (1) ping-pong de messages de 64 octets, chaque aller-retour chronométré ;
 * (2) débit : messages de 4096 octets par fenêtres de 8, un accusé d'un octet
 * par fenêtre. Transports : unix, tcp, udp, mq, shm (mémoire partagée et
 * sémaphores nommés), et le plancher : spin (un mot partagé, attente active,
 * aucun appel système) et futex (le même mot, attente dans le noyau).
 * Affiche : médiane_ns;p99_ns;Mio/s (Mio/s vide si le débit n'est pas
 * mesuré : comptes de débit à 0, le cas de spin et futex). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <linux/futex.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "timing.h"

#define SMALL 64
#define LARGE 4096
#define WINDOW 8

#define CHECK(x) do { if ((x) == -1) { perror(#x); exit(1); } } while (0)

/* Sans réponse pendant ce temps, l'autre processus est mort ou bloqué. */
#define SILENCE_NS 10000000000L

struct zone {                 /* un sens de la mémoire partagée */
    uint32_t length;
    char bytes[LARGE];
};

typedef struct {
    enum { STREAM, DATAGRAM, MQ, SHM, SPIN, FUTEX } kind;
    int fd;
    mqd_t mq_out, mq_in;
    struct zone *z_out, *z_in;
    sem_t *empty_out, *full_out, *empty_in, *full_in;
    /* spin et futex : un seul mot partagé pour les deux sens, car les
     * messages alternent strictement ; chaque message l'augmente de 1.
     * Le mot est le message : aucun octet de charge ne voyage. */
    _Atomic uint32_t *word;
    uint32_t seen;            /* la dernière valeur écrite ou lue ici */
} channel;

/* Indice « j'attends activement » au processeur : PAUSE sur x86 (le cœur
 * ralentit la boucle et cède ses ressources à l'autre hyperthread), YIELD
 * sur ARM. Le même indice que Thread.onSpinWait() dans le jumeau Java. Il
 * coûte un peu de latence : PAUSE dure de 10 à 140 cycles selon le modèle. */
static inline void spin_hint(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

/* futex(2) n'a pas d'enveloppe dans la glibc : syscall direct. Sans
 * FUTEX_PRIVATE_FLAG, car le mot est dans une projection MAP_SHARED vue par
 * deux processus : le noyau identifie alors le futex par la page physique,
 * pas par l'adresse virtuelle. */
static long futex(_Atomic uint32_t *word, int op, uint32_t value,
                  const struct timespec *timeout) {
    return syscall(SYS_futex, (uint32_t *) word, op, value, timeout, NULL, 0);
}

/* Publier le message suivant : écriture « release », tout ce qui précède
 * est visible de celui qui lira cette valeur avec « acquire ». */
static void publish(channel *c) {
    atomic_store_explicit(c->word, ++c->seen, memory_order_release);
    if (c->kind == FUTEX)
        futex(c->word, FUTEX_WAKE, 1, NULL);  /* toujours un appel système */
}

/* Attendre le message suivant : le mot vaut seen + 1. */
static void await_next(channel *c) {
    uint32_t expected = c->seen + 1;
    if (c->kind == SPIN) {
        /* Aucun appel système : le cœur relit le mot (dans son cache) jusqu'à
         * ce que l'écriture de l'autre cœur invalide la ligne et l'y ramène. */
        long since = 0;
        for (unsigned long spins = 1;
             atomic_load_explicit(c->word, memory_order_acquire) != expected; spins++) {
            spin_hint();
            if (spins % (1UL << 24) == 0) {   /* rarement : lire l'horloge */
                long now = ns();
                if (since == 0) {
                    since = now;
                } else if (now - since > SILENCE_NS) {
                    fprintf(stderr, "spin : l'autre processus ne répond plus\n");
                    exit(1);
                }
            }
        }
    } else {
        /* FUTEX_WAIT dort seulement si le mot vaut encore l'ancienne valeur
         * (comparaison faite dans le noyau, sans course avec FUTEX_WAKE) ;
         * sinon il rend EAGAIN tout de suite. */
        const struct timespec silence = { .tv_sec = SILENCE_NS / 1000000000L };
        uint32_t v;
        while ((v = atomic_load_explicit(c->word, memory_order_acquire)) != expected) {
            if (futex(c->word, FUTEX_WAIT, v, &silence) == -1 && errno == ETIMEDOUT) {
                fprintf(stderr, "futex : l'autre processus ne répond plus\n");
                exit(1);
            }
        }
    }
    c->seen = expected;
}

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
    case SPIN:
    case FUTEX:
        publish(c);
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
    case SPIN:
    case FUTEX:
        await_next(c);
        return;
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
    /* Toucher chaque page avant de mesurer : calloc rend des pages neuves
     * que le noyau ne fournit qu'à la première écriture (une faute de page
     * toutes les 512 mesures sinon). new long[] en Java les a déjà écrites. */
    memset(durations, 0xff, lat * sizeof *durations);
    for (int i = 0; i < lat; i++) {
        long t0 = ns();
        send_message(c, m, SMALL);
        receive_message(c, m, SMALL);
        durations[i] = ns() - t0;
    }
    qsort(durations, lat, sizeof *durations, by_long);
    printf("%ld;%ld;", durations[lat / 2], durations[(int) (lat * 0.99)]);
    if (tput > 0) {
        bursts(c, m, warm_tput);
        long t0 = ns();
        bursts(c, m, tput);
        double seconds = (ns() - t0) / 1e9;
        printf("%.1f", (double) tput * LARGE / (1024 * 1024) / seconds);
    }
    printf("\n");
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
        fprintf(stderr, "usage : %s unix|tcp|udp|mq|shm|spin|futex chauffe mesures"
                " chauffe-débit débit\n",
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
    } else if (strcmp(t, "spin") == 0 || strcmp(t, "futex") == 0) {
        /* Une page partagée, le mot au début : seul sur sa ligne de cache. */
        int fd;
        CHECK(fd = shm_open(name[0], O_CREAT | O_EXCL | O_RDWR, 0600));
        CHECK(ftruncate(fd, 4096));
        void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (page == MAP_FAILED) { perror("mmap"); return 1; }
        close(fd);
        here.kind = there.kind = t[0] == 's' ? SPIN : FUTEX;
        here.word = there.word = page;   /* le fork garde la projection partagée */
    } else {
        fprintf(stderr, "transport inconnu : %s\n", t);
        return 2;
    }
    fflush(stdout);

    pid_t parent = getpid();
    pid_t pid = fork();
    CHECK(pid);
    if (pid == 0) {            /* l'autre processus : rejoindre, puis répondre */
        /* Tué si le parent meurt avant lui (sinon un spin tournerait sans fin). */
        CHECK(prctl(PR_SET_PDEATHSIG, SIGKILL));
        if (getppid() != parent)
            _exit(1);          /* le parent est déjà mort avant le prctl */
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
            CHECK(send(there.fd, &one, 1, 0));   /* « bonjour » */
        }
        reply(&there, warm_lat, lat, warm_tput, tput);
        _exit(0);
    }

    /* Le côté qui mesure : accepter l'autre processus. */
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
