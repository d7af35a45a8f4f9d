/* Les vrais noms et prototypes des fonctions IPC, redéclarés ici tels que
 * les donnent les pages de manuel : gcc (-Werror) refuse toute déclaration
 * qui contredit <semaphore.h> ou <mqueue.h> (« conflicting types »).
 * Avec -DSUPPORT_xxx, on essaie à la place ce qu'écrit le support de cours :
 * le test vérifie que gcc (ou l'éditeur de liens) le refuse. */
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/types.h>

// tag::sem[]
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_post(sem_t *sem);
int sem_close(sem_t *sem);            /* int, pas sem_t * */
int sem_unlink(const char *name);     /* le nom seul */
// end::sem[]
// tag::mq[]
int mq_getattr(mqd_t mqdes, struct mq_attr *attr);
int mq_setattr(mqd_t mqdes, const struct mq_attr *newattr,
               struct mq_attr *oldattr);
ssize_t mq_receive(mqd_t mqdes, char *msg_ptr, size_t msg_len,
                   unsigned int *msg_prio);
// end::mq[]

#ifdef SUPPORT_SEM_CLOSE
sem_t *sem_close(sem_t *sem);
#endif
#ifdef SUPPORT_SEM_UNLINK
sem_t *sem_unlink(const char *name, int flags);
#endif
#ifdef SUPPORT_MQATTR
int mq_getattr(mqd_t file, struct mqattr *pt);
#endif
#ifdef SUPPORT_MQ_RECEIVE_INT
int mq_receive(mqd_t file, char *mess, size_t taille, unsigned int *prio);
#endif
#ifdef SUPPORT_MQ_RECEIVED
int mq_received(mqd_t file, char *mess, size_t taille, unsigned int *prio);
#endif

int main(void)
{
#ifdef SUPPORT_MQ_RECEIVED
    unsigned int prio;
    char buf[8];
    return mq_received((mqd_t) -1, buf, sizeof buf, &prio) == -1;
#else
    puts("prototypes conformes à <semaphore.h> et <mqueue.h>");
    return 0;
#endif
}
