/* Jumeau C de PosixSemaphore (T17, T18) : un sémaphore anonyme partagé par
 * les threads du processus (sem_init avec pshared = 0).
 * gcc -std=c11 -Wall -o posix_semaphore posix_semaphore.c -pthread */
// tag::main[]
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t sem; /* une variable ordinaire : visible de tous les threads */

static void *cadette(void *unused) {
    (void) unused;
    printf("cadette : sem_wait, j'attends\n");
    sem_wait(&sem); /* valeur 0 : bloque dans le noyau (futex) */
    printf("cadette : sem_wait rendu, jeton pris\n");
    return NULL;
}

int main(void) {
    int value;
    pthread_t t;
    if (sem_init(&sem, 0, 1) == -1) /* pshared = 0, un jeton */
        return 1;
    sem_wait(&sem);
    sem_getvalue(&sem, &value);
    printf("main : sem_wait passé, valeur %d\n", value);
    int r = sem_trywait(&sem); /* -1 et errno, sans attendre */
    printf("main : sem_trywait = %d (%s)\n", r,
           r == -1 && errno == EAGAIN ? "EAGAIN" : "?");
    pthread_create(&t, NULL, cadette, NULL);
    sem_post(&sem); /* 0 -> 1, ou réveil de cadette */
    pthread_join(t, NULL);
    sem_getvalue(&sem, &value);
    printf("main : valeur finale %d\n", value);
    sem_destroy(&sem);
    return 0;
}
// end::main[]
