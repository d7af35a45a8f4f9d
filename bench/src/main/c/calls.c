/* Jumeau C de NativeCalls.java : les appels des allers-retours, dans un seul
 * processus et sans jamais bloquer. Chaque opération porte le nom de la
 * méthode JMH qui fait la même chose. Affiche, pour chaque opération,
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

#include "timing.h"

#define REPETITIONS 5

static sem_t *sem;
static mqd_t mq;
static char *zone;
static char small[64], buffer[4096];
static volatile long sink; /* empêche gcc de supprimer les copies */

static void call_getppid(void) { sink += getppid(); }
static void sem_post_trywait(void) { sem_post(sem); sink += sem_trywait(sem); }
static void mq_send_receive(void) {
    mq_send(mq, small, sizeof small, 0);
    sink += mq_receive(mq, buffer, sizeof buffer, NULL);
}
static void shm_put_get(void) {
    memcpy(zone, small, sizeof small);
    __asm__ volatile("" ::: "memory");
    memcpy(small, zone, sizeof small);
    sink += small[0];
}

static void measure(const char *name, void (*op)(void), long n) {
    double r[REPETITIONS];
    for (long i = 0; i < n; i++)   /* chauffe */
        op();
    for (int k = 0; k < REPETITIONS; k++) {
        long t0 = ns();
        for (long i = 0; i < n; i++)
            op();
        r[k] = (double) (ns() - t0) / n;
    }
    qsort(r, REPETITIONS, sizeof r[0], by_double);
    printf("%s;%.1f\n", name, r[REPETITIONS / 2]);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    char name[3][64];
    for (int i = 0; i < 3; i++)
        snprintf(name[i], sizeof name[i], "/progsys-%d-bench-calls-%d", (int) getpid(), i);
    struct mq_attr attr = { .mq_maxmsg = 8, .mq_msgsize = 4096 };
    sem = sem_open(name[0], O_CREAT | O_EXCL, 0600, 0);
    mq = mq_open(name[1], O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    int fd = shm_open(name[2], O_CREAT | O_EXCL | O_RDWR, 0600);
    if (sem == SEM_FAILED || mq == (mqd_t) -1 || fd == -1 || ftruncate(fd, 4096) == -1) {
        perror("ouverture");
        return 1;
    }
    zone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    measure("getppid", call_getppid, n / 4);
    measure("semPostTrywait", sem_post_trywait, n);
    measure("mqSendReceive", mq_send_receive, n / 4);
    measure("shmPutGet", shm_put_get, n * 10);
    sem_close(sem);
    sem_unlink(name[0]);
    mq_close(mq);
    mq_unlink(name[1]);
    munmap(zone, 4096);
    shm_unlink(name[2]);
    return 0;
}
