/* Jumeau C de ShmReader : projette l'objet écrit par ShmWriter (Java) et
 * lit la même disposition : un int à la position 0, une chaîne C à 8.
 * Compilation : gcc -Wall -o shm_reader shm_reader.c -lrt */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

// tag::main[]
int main(int argc, char *argv[])
{
    if (argc != 2) {
        fprintf(stderr, "usage : %s /nom\n", argv[0]);
        return 2;
    }
    int fd = shm_open(argv[1], O_RDONLY, 0);
    if (fd == -1) {
        perror("shm_open");
        return 1;
    }
    struct stat st;
    if (fstat(fd, &st) == -1 || st.st_size < 8) {
        fprintf(stderr, "objet trop petit\n");
        return 1;
    }
    char *p = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    close(fd); /* la projection survit à la fermeture */
    printf("C : PID de l'écrivain %d\n", *(int *) p);
    printf("C : texte « %.*s »\n", (int) st.st_size - 8, p + 8);
    return munmap(p, st.st_size) == -1 ? 1 : 0;
}
// end::main[]
