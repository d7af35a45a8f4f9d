/* Affiche, une par ligne (clé=valeur), les tailles, positions et constantes
 * que la liaison Java suppose, pour que le test les compare à celles du C. */
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define SHOW(key, value) printf("%s=%ld\n", key, (long) (value))

int main(void)
{
    SHOW("sizeof(struct mq_attr)", sizeof(struct mq_attr));
    SHOW("offsetof(mq_flags)", offsetof(struct mq_attr, mq_flags));
    SHOW("offsetof(mq_maxmsg)", offsetof(struct mq_attr, mq_maxmsg));
    SHOW("offsetof(mq_msgsize)", offsetof(struct mq_attr, mq_msgsize));
    SHOW("offsetof(mq_curmsgs)", offsetof(struct mq_attr, mq_curmsgs));
    SHOW("sizeof(struct timespec)", sizeof(struct timespec));
    SHOW("sizeof(sem_t)", sizeof(sem_t));
    SHOW("_Alignof(sem_t)", _Alignof(sem_t));
    SHOW("O_RDONLY", O_RDONLY);
    SHOW("O_WRONLY", O_WRONLY);
    SHOW("O_RDWR", O_RDWR);
    SHOW("O_CREAT", O_CREAT);
    SHOW("O_EXCL", O_EXCL);
    SHOW("O_NONBLOCK", O_NONBLOCK);
    SHOW("O_TRUNC", O_TRUNC);
    SHOW("PROT_NONE", PROT_NONE);
    SHOW("PROT_READ", PROT_READ);
    SHOW("PROT_WRITE", PROT_WRITE);
    SHOW("PROT_EXEC", PROT_EXEC);
    SHOW("MAP_SHARED", MAP_SHARED);
    SHOW("MAP_PRIVATE", MAP_PRIVATE);
    SHOW("sysconf(_SC_MQ_PRIO_MAX)", sysconf(_SC_MQ_PRIO_MAX));
    return 0;
}
