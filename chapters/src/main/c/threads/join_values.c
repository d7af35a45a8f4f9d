/* Jumeau C de JoinValues (T10, T11) : chaque thread rend son nom.
 * gcc -std=c11 -Wall -o join_values join_values.c -pthread */
// tag::main[]
#include <pthread.h>
#include <stdio.h>

static void *routine(void *name) {
    printf("%s : pthread_self %lu, je rends mon nom\n", (char *) name,
           (unsigned long) pthread_self());
    return name; /* équivaut à pthread_exit(name) */
}

int main(void) {
    char *names[] = {"aînée", "cadette", "benjamine"};
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        if (pthread_create(&t[i], NULL, routine, names[i]) != 0)
            return 1; /* code d'erreur rendu, pas d'errno */
    for (int i = 0; i < 3; i++) {
        void *value;
        pthread_join(t[i], &value); /* dans l'ordre de création */
        printf("main : thread %lu, valeur %s\n",
               (unsigned long) t[i], (char *) value);
    }
    return 0;
}
// end::main[]
