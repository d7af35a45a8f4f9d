/* Jumeau C de LockedCounter (T14, T16) : 3 threads, 10 000 000 incréments
 * chacun, sous un mutex. gcc -std=c11 -Wall -o locked_counter \
 *     locked_counter.c -pthread */
// tag::main[]
#include <pthread.h>
#include <stdio.h>

#define THREADS 3
#define INCREMENTS 10000000

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static long counter; /* protégé par mutex */

static void *increment(void *unused) {
    (void) unused;
    for (int i = 0; i < INCREMENTS; i++) {
        pthread_mutex_lock(&mutex); /* bloque si un autre le tient */
        counter++;
        pthread_mutex_unlock(&mutex);
    }
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, increment, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("attendu : %ld\nobtenu  : %ld\n",
           (long) THREADS * INCREMENTS, counter);
    return 0;
}
// end::main[]
