/* Jumeau C de SemaphoreCounter : incrémente le même compteur (un long à la
 * position 0 de l'objet), sous le même sémaphore nommé, n fois.
 * Compilation : gcc -Wall -o sem_counter sem_counter.c -pthread -lrt */
#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

// tag::main[]
int main(int argc, char *argv[])
{
    if (argc != 3) {
        fprintf(stderr, "usage : %s /nom n\n", argv[0]);
        return 2;
    }
    long n = atol(argv[2]);
    sem_t *mutex = sem_open(argv[1], O_CREAT, 0600, 1);
    if (mutex == SEM_FAILED) {
        perror("sem_open");
        return 1;
    }
    int fd = shm_open(argv[1], O_CREAT | O_RDWR, 0600);
    if (fd == -1 || ftruncate(fd, sizeof(long)) == -1) {
        perror("shm_open/ftruncate");
        return 1;
    }
    long *counter = mmap(NULL, sizeof(long), PROT_READ | PROT_WRITE,
                         MAP_SHARED, fd, 0);
    if (counter == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    for (long i = 0; i < n; i++) {
        sem_wait(mutex);          /* int : 0, ou -1 et errno */
        *counter = *counter + 1;
        sem_post(mutex);
    }
    printf("C : %ld incréments, compteur = %ld\n", n, *counter);
    munmap(counter, sizeof(long));
    close(fd);
    return sem_close(mutex);      /* int, pas sem_t * */
}
// end::main[]
