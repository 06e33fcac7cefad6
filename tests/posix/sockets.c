#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
    int sv[2];
    printf("socketpair %d\n", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    send(sv[0], "ping", 4, 0);
    struct pollfd p = { .fd = sv[1], .events = POLLIN };
    printf("poll %d revents %d\n", poll(&p, 1, 1000), p.revents & POLLIN);
    char buf[16] = "";
    printf("recv %zd %s\n", recv(sv[1], buf, sizeof buf, 0), buf);
    fd_set set;
    FD_ZERO(&set);
    FD_SET(sv[0], &set);
    struct timeval tv = { 0, 1000 };
    printf("select nothing: %d\n", select(sv[0] + 1, &set, NULL, NULL, &tv));
    struct iovec iov[2] = { { "ab", 2 }, { "cd", 2 } };
    struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
    printf("sendmsg %zd\n", sendmsg(sv[1], &mh, 0));
    printf("read %zd\n", read(sv[0], buf, sizeof buf));
    int un = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    strcpy(addr.sun_path, "sock");
    printf("bind %d listen %d\n", bind(un, (struct sockaddr *)&addr, sizeof addr), listen(un, 1));
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("connect %d\n", connect(c, (struct sockaddr *)&addr, sizeof addr));
    int a = accept(un, NULL, NULL);
    write(c, "hello", 5);
    memset(buf, 0, sizeof buf);
    read(a, buf, 5);
    printf("accepted got %s\n", buf);
    shutdown(c, SHUT_WR);
    printf("eof %zd\n", read(a, buf, 5));
    return 0;
}
