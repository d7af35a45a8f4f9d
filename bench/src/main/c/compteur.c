/* Jumeau C du compteur partagé (diapositives T13 à T16) : 3 threads font
 * chacun 10 000 000 incréments, sans verrou, avec pthread_mutex, ou avec un
 * incrément atomique. Affiche : variante;ns par incrément (médiane);plus petite valeur finale. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mesure.h"

#define THREADS 3
#define INCREMENTS 10000000

static volatile int compteur; /* volatile : un vrai load et un vrai store par ++ */
static pthread_mutex_t verrou = PTHREAD_MUTEX_INITIALIZER;

static void *sans_verrou(void *arg) {
    (void) arg;
    for (int i = 0; i < INCREMENTS; i++)
        compteur++;
    return NULL;
}

static void *avec_mutex(void *arg) {
    (void) arg;
    for (int i = 0; i < INCREMENTS; i++) {
        pthread_mutex_lock(&verrou);
        compteur++;
        pthread_mutex_unlock(&verrou);
    }
    return NULL;
}

static void *atomique(void *arg) {
    (void) arg;
    for (int i = 0; i < INCREMENTS; i++)
        __atomic_fetch_add(&compteur, 1, __ATOMIC_SEQ_CST);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage : %s sans-verrou|mutex|atomique répétitions\n", argv[0]);
        return 2;
    }
    void *(*corps)(void *) = strcmp(argv[1], "mutex") == 0 ? avec_mutex
                           : strcmp(argv[1], "atomique") == 0 ? atomique
                           : sans_verrou;
    int rep = atoi(argv[2]);
    double *duree = calloc(rep, sizeof *duree);
    int valeur = -1; /* la plus petite valeur finale vue */
    for (int r = 0; r < rep; r++) {
        pthread_t t[THREADS];
        compteur = 0;
        long debut = ns();
        for (int i = 0; i < THREADS; i++)
            pthread_create(&t[i], NULL, corps, NULL);
        for (int i = 0; i < THREADS; i++)
            pthread_join(t[i], NULL);
        duree[r] = (ns() - debut) / ((double) THREADS * INCREMENTS);
        if (valeur == -1 || compteur < valeur)
            valeur = compteur;
    }
    qsort(duree, rep, sizeof *duree, par_double);
    printf("%s;%.3f;%d\n", argv[1], duree[rep / 2], valeur);
    free(duree);
    return 0;
}
