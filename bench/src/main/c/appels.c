/* Jumeau C de AppelsNatifs.java : les appels des allers-retours, dans un seul
 * processus et sans jamais bloquer. Affiche, pour chaque opération,
 * opération;ns par itération (médiane de 5 répétitions). */
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "mesure.h"

#define REPETITIONS 5

static sem_t *sem;
static mqd_t mq;
static char *zone;
static char petit[64], tampon[4096];
static volatile long puits; /* empêche gcc de supprimer les copies */

static void appel_getppid(void) { puits += getppid(); }
static void sem_post_trywait(void) { sem_post(sem); puits += sem_trywait(sem); }
static void mq_send_receive(void) {
    mq_send(mq, petit, sizeof petit, 0);
    puits += mq_receive(mq, tampon, sizeof tampon, NULL);
}
static void shm_put_get(void) {
    memcpy(zone, petit, sizeof petit);
    __asm__ volatile("" ::: "memory");
    memcpy(petit, zone, sizeof petit);
    puits += petit[0];
}

static void mesurer(const char *nom, void (*op)(void), long n) {
    double r[REPETITIONS];
    for (long i = 0; i < n; i++)   /* chauffe */
        op();
    for (int k = 0; k < REPETITIONS; k++) {
        long t0 = ns();
        for (long i = 0; i < n; i++)
            op();
        r[k] = (double) (ns() - t0) / n;
    }
    qsort(r, REPETITIONS, sizeof r[0], par_double);
    printf("%s;%.1f\n", nom, r[REPETITIONS / 2]);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    char nom[3][64];
    for (int i = 0; i < 3; i++)
        snprintf(nom[i], sizeof nom[i], "/progsys-%d-bench-appels-%d", (int) getpid(), i);
    struct mq_attr attr = { .mq_maxmsg = 8, .mq_msgsize = 4096 };
    sem = sem_open(nom[0], O_CREAT | O_EXCL, 0600, 0);
    mq = mq_open(nom[1], O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    int fd = shm_open(nom[2], O_CREAT | O_EXCL | O_RDWR, 0600);
    if (sem == SEM_FAILED || mq == (mqd_t) -1 || fd == -1 || ftruncate(fd, 4096) == -1) {
        perror("ouverture");
        return 1;
    }
    zone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    mesurer("getppid", appel_getppid, n / 4);
    mesurer("semPostTrywait", sem_post_trywait, n);
    mesurer("mqSendReceive", mq_send_receive, n / 4);
    mesurer("shmPutGet", shm_put_get, n * 10);
    sem_close(sem);
    sem_unlink(nom[0]);
    mq_close(mq);
    mq_unlink(nom[1]);
    munmap(zone, 4096);
    shm_unlink(nom[2]);
    return 0;
}
