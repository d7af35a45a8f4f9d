/* Jumeau C de MqProducer : dépose les mêmes messages, avec les mêmes
 * priorités, dans la file dont le nom est donné en argument, puis « fin ».
 * Compilation : gcc -Wall -o mq_producer mq_producer.c -lrt
 * (-lrt est inutile depuis la glibc 2.34, mais reste inoffensif). */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// tag::main[]
int main(int argc, char *argv[])
{
    const char *texts[] = {"routine", "urgent", "normal", "très urgent",
                           "routine bis", "fin"};
    unsigned int prios[] = {0, 9, 3, 20, 0, 0};
    struct mq_attr attr = {.mq_maxmsg = 10, .mq_msgsize = 64};

    if (argc != 2) {
        fprintf(stderr, "usage : %s /nom\n", argv[0]);
        return 2;
    }
    mqd_t q = mq_open(argv[1], O_CREAT | O_WRONLY, 0600, &attr);
    if (q == (mqd_t) -1) {
        perror("mq_open");
        return 1;
    }
    for (int i = 0; i < 6; i++) {
        if (mq_send(q, texts[i], strlen(texts[i]), prios[i]) == -1) {
            perror("mq_send");
            return 1;
        }
        printf("C : envoyé %s (priorité %u)\n", texts[i], prios[i]);
    }
    return mq_close(q) == -1 ? 1 : 0;
}
// end::main[]
