/* Jumeau C de NaivePhilosophers (T19), le programme à écrire en TD : une
 * baguette = un sémaphore à 1 ; chacun prend la gauche, puis la droite.
 * Une barrière (pthread_barrier, le CyclicBarrier du C) provoque le pire :
 * personne ne tend la main droite avant que tous tiennent leur gauche.
 * sem_trywait montre alors l'interblocage sans s'y enfermer : un sem_wait
 * sur la droite attendrait pour toujours.
 * gcc -std=c11 -Wall -o philosophers philosophers.c -pthread */
// tag::main[]
#define _DEFAULT_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>

#define N 5
static const char *names[N] = {"Platon", "Kant", "Spinoza", "Arendt", "Weil"};
static sem_t chopstick[N];              /* 1 = baguette libre */
static pthread_barrier_t all_hold_left, all_tried_right;
static int blocked;                     /* protégé par lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *dine(void *arg) {
    int i = (int) (intptr_t) arg, right = (i + 1) % N;
    sem_wait(&chopstick[i]);            /* la gauche */
    printf("%-7s : baguette %d prise, j'attends la %d\n", names[i], i, right);
    pthread_barrier_wait(&all_hold_left);
    if (sem_trywait(&chopstick[right]) == -1 && errno == EAGAIN) {
        pthread_mutex_lock(&lock);      /* tenue par le voisin */
        blocked++;
        pthread_mutex_unlock(&lock);
    }
    pthread_barrier_wait(&all_tried_right); /* personne ne rend trop tôt */
    sem_post(&chopstick[i]);
    return NULL;
}

int main(void) {
    pthread_t t[N];
    pthread_barrier_init(&all_hold_left, NULL, N);
    pthread_barrier_init(&all_tried_right, NULL, N);
    for (int i = 0; i < N; i++)
        sem_init(&chopstick[i], 0, 1);
    for (int i = 0; i < N; i++)
        pthread_create(&t[i], NULL, dine, (void *) (intptr_t) i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("main : interblocage : %d sur %d trouvent leur droite prise"
           " (EAGAIN)\n", blocked, N);
    return 0;
}
// end::main[]
