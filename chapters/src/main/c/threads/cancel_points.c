/*
 * Jumeau C de la diapositive T12 : pthread_cancel n'agit qu'aux points
 * d'annulation de pthreads(7). Trois threads bloquent :
 *   - endormie dans sleep()             : point d'annulation ;
 *   - lectrice dans read() sur un tube  : point d'annulation ;
 *   - verrouilleuse dans pthread_mutex_lock : bloquant, mais PAS un point
 *     d'annulation.
 * Protocole (piloté par le test Java sur l'entrée standard) :
 *   1. affiche les TID, attend la ligne « annule » ;
 *   2. pthread_cancel sur les trois, joint endormie et lectrice ;
 *   3. attend la ligne « libere » (verrouilleuse reste bloquée jusque-là),
 *      rend le verrou, joint verrouilleuse.
 */
#include <gnu/libc-version.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static int pipefd[2];
static atomic_long tids[3];
static atomic_int cleanups;   /* gestionnaires de nettoyage exécutés */
static atomic_int got_lock;   /* verrouilleuse est sortie de mutex_lock */

static void cleanup(void *arg)
{
    (void) arg;
    atomic_fetch_add(&cleanups, 1);
}

static void *sleeper(void *arg)
{
    (void) arg;
    atomic_store(&tids[0], syscall(SYS_gettid));
    pthread_cleanup_push(cleanup, NULL);
    sleep(1000);                       /* point d'annulation */
    pthread_cleanup_pop(0);
    return "réveillée";
}

static void *reader(void *arg)
{
    (void) arg;
    char c;
    atomic_store(&tids[1], syscall(SYS_gettid));
    pthread_cleanup_push(cleanup, NULL);
    if (read(pipefd[0], &c, 1) < 0) {  /* point d'annulation */
        perror("read");
    }
    pthread_cleanup_pop(0);
    return "a lu";
}

static void *locker(void *arg)
{
    (void) arg;
    atomic_store(&tids[2], syscall(SYS_gettid));
    pthread_cleanup_push(cleanup, NULL);
    pthread_mutex_lock(&mutex);        /* PAS un point d'annulation */
    atomic_store(&got_lock, 1);
    pthread_mutex_unlock(&mutex);
    pthread_testcancel();              /* point d'annulation explicite */
    pthread_cleanup_pop(0);
    return "fini normalement";
}

static void await_line(const char *expected)
{
    char line[64];
    if (fgets(line, sizeof line, stdin) == NULL
            || strncmp(line, expected, strlen(expected)) != 0) {
        fprintf(stderr, "attendu « %s » sur l'entrée standard\n", expected);
        exit(2);
    }
}

static const char *outcome(void *ret)
{
    return ret == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : (const char *) ret;
}

int main(void)
{
    pthread_t t[3];
    void *ret;
    void *(*routines[3])(void *) = {sleeper, reader, locker};

    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("glibc %s\n", gnu_get_libc_version());
    if (pipe(pipefd) != 0) {
        perror("pipe");
        return 1;
    }
    pthread_mutex_lock(&mutex);        /* main tient le verrou */
    for (int i = 0; i < 3; i++) {
        int err = pthread_create(&t[i], NULL, routines[i], NULL);
        if (err != 0) {
            fprintf(stderr, "pthread_create : %s\n", strerror(err));
            return 1;
        }
    }
    for (int i = 0; i < 3; i++) {
        while (atomic_load(&tids[i]) == 0) {
            sched_yield();
        }
    }
    printf("tid endormie %ld lectrice %ld verrouilleuse %ld\n",
           atomic_load(&tids[0]), atomic_load(&tids[1]),
           atomic_load(&tids[2]));
    await_line("annule");
    for (int i = 0; i < 3; i++) {
        pthread_cancel(t[i]);
    }
    pthread_join(t[0], &ret);
    printf("endormie (sleep) : %s\n", outcome(ret));
    pthread_join(t[1], &ret);
    printf("lectrice (read) : %s\n", outcome(ret));
    printf("verrouilleuse (pthread_mutex_lock) : demande déposée,"
           " toujours bloquée\n");
    await_line("libere");
    pthread_mutex_unlock(&mutex);
    pthread_join(t[2], &ret);
    printf("verrouilleuse : %s, après avoir obtenu le verrou : %s\n",
           outcome(ret), atomic_load(&got_lock) ? "oui" : "non");
    printf("gestionnaires de nettoyage exécutés : %d\n",
           atomic_load(&cleanups));
    return 0;
}
