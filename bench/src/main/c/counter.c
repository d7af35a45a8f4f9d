/* Jumeau C du compteur partagé (diapositives T13 à T16) : 3 threads font
 * chacun 10 000 000 incréments, sans verrou, avec pthread_mutex, ou avec un
 * incrément atomique. Les variantes portent le nom de leur colonne dans
 * compteurs.csv (noLock est aussi celui de la variante Java qui fait la même
 * chose). Affiche : variante;ns par incrément (médiane);plus petite valeur
 * finale. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timing.h"

#define THREADS 3
#define INCREMENTS 10000000

static volatile int counter; /* volatile : un vrai load et un vrai store par ++ */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *no_lock(void *arg) {
    (void) arg;
    for (int i = 0; i < INCREMENTS; i++)
        counter++;
    return NULL;
}

static void *with_mutex(void *arg) {
    (void) arg;
    for (int i = 0; i < INCREMENTS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *atomic_fetch_add(void *arg) {
    (void) arg;
    for (int i = 0; i < INCREMENTS; i++)
        __atomic_fetch_add(&counter, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

int main(int argc, char **argv) {
    void *(*body)(void *) = NULL;
    if (argc == 3)
        body = strcmp(argv[1], "noLock") == 0 ? no_lock
             : strcmp(argv[1], "mutex") == 0 ? with_mutex
             : strcmp(argv[1], "atomicFetchAdd") == 0 ? atomic_fetch_add
             : NULL;
    if (body == NULL) {
        fprintf(stderr, "usage : %s noLock|mutex|atomicFetchAdd répétitions\n", argv[0]);
        return 2;
    }
    int repetitions = atoi(argv[2]);
    double *duration = calloc(repetitions, sizeof *duration);
    int smallest = -1; /* la plus petite valeur finale vue */
    for (int r = 0; r < repetitions; r++) {
        pthread_t t[THREADS];
        counter = 0;
        long start = ns();
        for (int i = 0; i < THREADS; i++)
            pthread_create(&t[i], NULL, body, NULL);
        for (int i = 0; i < THREADS; i++)
            pthread_join(t[i], NULL);
        duration[r] = (ns() - start) / ((double) THREADS * INCREMENTS);
        if (smallest == -1 || counter < smallest)
            smallest = counter;
    }
    qsort(duration, repetitions, sizeof *duration, by_double);
    printf("%s;%.3f;%d\n", argv[1], duration[repetitions / 2], smallest);
    free(duration);
    return 0;
}
