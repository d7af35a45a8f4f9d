/* Solution C du programme à écrire en TD (le jumeau naïf est philosophers.c) :
 * une baguette = un sem_t à 1, et « veut-manger » (footman) = un sem_t à
 * N − 1, pris avant les baguettes et rendu après : au plus quatre à table.
 * Le premier repas force le pire ordonnancement, celui qui interbloque le
 * naïf : une barrière attend que tous aient tenté de s'asseoir et que les
 * assis tiennent leur gauche. sem_trywait montre qui veut-manger retient.
 * gcc -std=c11 -Wall -o philosophers_solution philosophers_solution.c -pthread
 */
// tag::main[]
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>

#define N 5
#define MEALS 3
static const char *names[N] = {"Platon", "Kant", "Spinoza", "Arendt", "Weil"};
static sem_t chopstick[N];              /* 1 = baguette libre */
static sem_t footman;                   /* veut-manger : N − 1 places */
static pthread_barrier_t all_tried;     /* premier repas seulement */
static int eaten[N];                    /* eaten[i] : écrit par i seul */

static void *dine(void *arg) {
    int i = (int) (intptr_t) arg, right = (i + 1) % N;
    for (int meal = 0; meal < MEALS; meal++) {
        if (meal > 0) {
            sem_wait(&footman);         /* une place, puis la gauche */
            sem_wait(&chopstick[i]);
        } else if (sem_trywait(&footman) == 0) {
            sem_wait(&chopstick[i]);
            printf("%-7s : assis, baguette %d prise\n", names[i], i);
            pthread_barrier_wait(&all_tried);
        } else {                        /* EAGAIN : quatre sont assis */
            printf("%-7s : veut-manger à 0, j'attends une place\n",
                   names[i]);
            pthread_barrier_wait(&all_tried);
            sem_wait(&footman);
            sem_wait(&chopstick[i]);
        }
        sem_wait(&chopstick[right]);
        eaten[i]++;                     /* il mange */
        sem_post(&chopstick[right]);
        sem_post(&chopstick[i]);
        sem_post(&footman);
    }
    return NULL;
}

int main(void) {
    pthread_t t[N];
    sem_init(&footman, 0, N - 1);
    pthread_barrier_init(&all_tried, NULL, N);
    for (int i = 0; i < N; i++)
        sem_init(&chopstick[i], 0, 1);
    for (int i = 0; i < N; i++)
        pthread_create(&t[i], NULL, dine, (void *) (intptr_t) i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);       /* puis eaten[i] est visible */
    for (int i = 0; i < N; i++)
        printf("main : %s a mangé %d fois\n", names[i], eaten[i]);
    printf("main : tous ont fini, pas d'interblocage\n");
    return 0;
}
// end::main[]
