/* Jumeau C de AllerRetour.java : deux processus (fork), le parent mesure.
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

#include "mesure.h"

#define PETIT 64
#define GROS 4096
#define FENETRE 8

#define VERIFIE(x) do { if ((x) == -1) { perror(#x); exit(1); } } while (0)

struct zone {                 /* un sens de la mémoire partagée */
    uint32_t longueur;
    char octets[GROS];
};

typedef struct {
    enum { FLUX, DATAGRAMME, MQ, SHM } sorte;
    int fd;
    mqd_t mq_envoi, mq_reception;
    struct zone *z_envoi, *z_reception;
    sem_t *vide_envoi, *plein_envoi, *vide_reception, *plein_reception;
} canal;

static void envoyer(canal *c, const char *m, size_t n) {
    switch (c->sorte) {
    case FLUX:
        for (size_t fait = 0; fait < n; ) {
            ssize_t k = write(c->fd, m + fait, n - fait);
            VERIFIE(k);
            fait += k;
        }
        break;
    case DATAGRAMME:
        VERIFIE(send(c->fd, m, n, 0));
        break;
    case MQ:
        VERIFIE(mq_send(c->mq_envoi, m, n, 0));
        break;
    case SHM:
        while (sem_wait(c->vide_envoi) == -1 && errno == EINTR) {}
        c->z_envoi->longueur = n;
        memcpy(c->z_envoi->octets, m, n);
        VERIFIE(sem_post(c->plein_envoi));
        break;
    }
}

static void recevoir(canal *c, char *m, size_t n) {
    ssize_t k = 0;
    switch (c->sorte) {
    case FLUX:
        for (size_t fait = 0; fait < n; fait += k) {
            k = read(c->fd, m + fait, n - fait);
            VERIFIE(k);
            if (k == 0) { fprintf(stderr, "connexion fermée\n"); exit(1); }
        }
        return;
    case DATAGRAMME:
        k = recv(c->fd, m, GROS, 0);
        break;
    case MQ:
        k = mq_receive(c->mq_reception, m, GROS, NULL); /* tampon >= mq_msgsize */
        break;
    case SHM:
        while (sem_wait(c->plein_reception) == -1 && errno == EINTR) {}
        k = c->z_reception->longueur;
        memcpy(m, c->z_reception->octets, k);
        VERIFIE(sem_post(c->vide_reception));
        break;
    }
    VERIFIE(k);
    if ((size_t) k != n) { fprintf(stderr, "message de %zd octets, %zu attendus\n", k, n); exit(1); }
}

static void rafales(canal *c, char *m, int messages) {
    char accuse;
    for (int i = 0; i < messages; i += FENETRE) {
        for (int k = 0; k < FENETRE; k++)
            envoyer(c, m, GROS);
        recevoir(c, &accuse, 1);
    }
}

static void mesurer(canal *c, int cl, int l, int cd, int d) {
    static char m[GROS];
    for (int i = 0; i < cl; i++) {
        envoyer(c, m, PETIT);
        recevoir(c, m, PETIT);
    }
    long *durees = calloc(l, sizeof *durees);
    for (int i = 0; i < l; i++) {
        long t0 = ns();
        envoyer(c, m, PETIT);
        recevoir(c, m, PETIT);
        durees[i] = ns() - t0;
    }
    qsort(durees, l, sizeof *durees, par_long);
    rafales(c, m, cd);
    long t0 = ns();
    rafales(c, m, d);
    double secondes = (ns() - t0) / 1e9;
    printf("%ld;%ld;%.1f\n", durees[l / 2], durees[(int) (l * 0.99)],
           (double) d * GROS / (1024 * 1024) / secondes);
    free(durees);
}

static void repondre(canal *c, int cl, int l, int cd, int d) {
    static char m[GROS];
    char accuse = 1;
    for (int i = 0; i < cl + l; i++) {
        recevoir(c, m, PETIT);
        envoyer(c, m, PETIT);
    }
    for (int i = 0; i < cd + d; i += FENETRE) {
        for (int k = 0; k < FENETRE; k++)
            recevoir(c, m, GROS);
        envoyer(c, &accuse, 1);
    }
}

static struct sockaddr_in boucle_locale(int port) {
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static int port_de(int fd) {
    struct sockaddr_in a;
    socklen_t n = sizeof a;
    VERIFIE(getsockname(fd, (struct sockaddr *) &a, &n));
    return ntohs(a.sin_port);
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage : %s unix|tcp|udp|mq|shm chauffe mesures chauffe-débit débit\n",
                argv[0]);
        return 2;
    }
    const char *t = argv[1];
    int cl = atoi(argv[2]), l = atoi(argv[3]), cd = atoi(argv[4]), d = atoi(argv[5]);
    canal ici = { 0 }, la = { 0 };
    char nom[6][64];
    for (int i = 0; i < 6; i++)
        snprintf(nom[i], sizeof nom[i], "/progsys-%d-bench-%d", (int) getpid(), i);
    struct sockaddr_un chemin = { .sun_family = AF_UNIX };
    snprintf(chemin.sun_path, sizeof chemin.sun_path, "/tmp/progsys-bench-%d.sock",
             (int) getpid());
    int serveur = -1, port = 0, un = 1;

    /* Préparer le côté qui mesure, avant le fork. */
    if (strcmp(t, "unix") == 0) {
        VERIFIE(serveur = socket(AF_UNIX, SOCK_STREAM, 0));
        VERIFIE(bind(serveur, (struct sockaddr *) &chemin, sizeof chemin));
        VERIFIE(listen(serveur, 1));
    } else if (strcmp(t, "tcp") == 0) {
        struct sockaddr_in a = boucle_locale(0);
        VERIFIE(serveur = socket(AF_INET, SOCK_STREAM, 0));
        VERIFIE(bind(serveur, (struct sockaddr *) &a, sizeof a));
        VERIFIE(listen(serveur, 1));
        port = port_de(serveur);
    } else if (strcmp(t, "udp") == 0) {
        struct sockaddr_in a = boucle_locale(0);
        ici.sorte = DATAGRAMME;
        VERIFIE(ici.fd = socket(AF_INET, SOCK_DGRAM, 0));
        VERIFIE(bind(ici.fd, (struct sockaddr *) &a, sizeof a));
        port = port_de(ici.fd);
    } else if (strcmp(t, "mq") == 0) {
        struct mq_attr attr = { .mq_maxmsg = FENETRE, .mq_msgsize = GROS };
        ici.sorte = la.sorte = MQ;
        VERIFIE(ici.mq_envoi = mq_open(nom[0], O_CREAT | O_EXCL | O_WRONLY, 0600, &attr));
        VERIFIE(ici.mq_reception = mq_open(nom[1], O_CREAT | O_EXCL | O_RDONLY, 0600, &attr));
        VERIFIE(la.mq_reception = mq_open(nom[0], O_RDONLY));
        VERIFIE(la.mq_envoi = mq_open(nom[1], O_WRONLY));
    } else if (strcmp(t, "shm") == 0) {
        int fd;
        VERIFIE(fd = shm_open(nom[0], O_CREAT | O_EXCL | O_RDWR, 0600));
        VERIFIE(ftruncate(fd, 2 * sizeof(struct zone)));
        struct zone *z = mmap(NULL, 2 * sizeof(struct zone), PROT_READ | PROT_WRITE,
                              MAP_SHARED, fd, 0);
        if (z == MAP_FAILED) { perror("mmap"); return 1; }
        close(fd);
        sem_t *s[4];
        for (int i = 0; i < 4; i++) {
            s[i] = sem_open(nom[2 + i], O_CREAT | O_EXCL, 0600, i % 2 == 0 ? 1 : 0);
            if (s[i] == SEM_FAILED) { perror("sem_open"); return 1; }
        }
        ici = (canal) { .sorte = SHM, .z_envoi = &z[0], .z_reception = &z[1],
                        .vide_envoi = s[0], .plein_envoi = s[1],
                        .vide_reception = s[2], .plein_reception = s[3] };
        la = (canal) { .sorte = SHM, .z_envoi = &z[1], .z_reception = &z[0],
                       .vide_envoi = s[2], .plein_envoi = s[3],
                       .vide_reception = s[0], .plein_reception = s[1] };
    } else {
        fprintf(stderr, "transport inconnu : %s\n", t);
        return 2;
    }
    fflush(stdout);

    pid_t pid = fork();
    VERIFIE(pid);
    if (pid == 0) {            /* l'autre processus : rejoindre, puis répondre */
        if (strcmp(t, "unix") == 0 || strcmp(t, "tcp") == 0) {
            close(serveur);
            la.sorte = FLUX;
            if (t[0] == 'u') {
                VERIFIE(la.fd = socket(AF_UNIX, SOCK_STREAM, 0));
                VERIFIE(connect(la.fd, (struct sockaddr *) &chemin, sizeof chemin));
            } else {
                struct sockaddr_in a = boucle_locale(port);
                VERIFIE(la.fd = socket(AF_INET, SOCK_STREAM, 0));
                VERIFIE(setsockopt(la.fd, IPPROTO_TCP, TCP_NODELAY, &un, sizeof un));
                VERIFIE(connect(la.fd, (struct sockaddr *) &a, sizeof a));
            }
        } else if (strcmp(t, "udp") == 0) {
            struct sockaddr_in moi = boucle_locale(0), lui = boucle_locale(port);
            close(ici.fd);
            la.sorte = DATAGRAMME;
            VERIFIE(la.fd = socket(AF_INET, SOCK_DGRAM, 0));
            VERIFIE(bind(la.fd, (struct sockaddr *) &moi, sizeof moi));
            VERIFIE(connect(la.fd, (struct sockaddr *) &lui, sizeof lui));
            VERIFIE(send(la.fd, &un, 1, 0));   /* « bonjour » */
        }
        repondre(&la, cl, l, cd, d);
        _exit(0);
    }

    /* Le côté qui mesure : accepter l'autre processus. */
    if (serveur != -1) {
        ici.sorte = FLUX;
        VERIFIE(ici.fd = accept(serveur, NULL, NULL));
        if (t[0] == 't')
            VERIFIE(setsockopt(ici.fd, IPPROTO_TCP, TCP_NODELAY, &un, sizeof un));
        close(serveur);
    } else if (ici.sorte == DATAGRAMME) {
        struct sockaddr_in lui;
        socklen_t n = sizeof lui;
        char bonjour;
        VERIFIE(recvfrom(ici.fd, &bonjour, 1, 0, (struct sockaddr *) &lui, &n));
        VERIFIE(connect(ici.fd, (struct sockaddr *) &lui, n));
    }
    mesurer(&ici, cl, l, cd, d);
    int statut;
    VERIFIE(waitpid(pid, &statut, 0));
    if (t[0] == 'u' && t[1] == 'n')
        unlink(chemin.sun_path);
    for (int i = 0; i < 6; i++) {
        mq_unlink(nom[i]);
        shm_unlink(nom[i]);
        sem_unlink(nom[i]);
    }
    return WIFEXITED(statut) && WEXITSTATUS(statut) == 0 ? 0 : 1;
}
