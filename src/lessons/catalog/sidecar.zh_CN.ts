import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: 'container：nginx 边车',
  summary:
    '`--network container:名称` 让新容器加入一个已有容器的沙箱：相同的接口、相同的 IP、相同的端口、相同的 localhost。文章的例子是两个 nginx 容器。',
  steps: {
    nginx1: {
      title: '第一个 nginx',
      body: '和文章一样，在默认网桥上启动 my-nginx1。它有自己的沙箱和地址，nginx 在里面监听 80 端口。',
      hints: ['`docker run -d --name my-nginx1 nginx`'],
    },
    join: {
      title: '加入它的命名空间',
      body: '用 `--network container:my-nginx1` 启动一个 busybox 边车。Docker 不为它创建沙箱和接入点：它的进程进入 my-nginx1 的命名空间。图上两个容器卡片位于同一个框里。',
      hints: [
        '`docker run -d --name sidecar --network container:my-nginx1 busybox sleep 3600`',
        'my-nginx1 必须在运行。',
      ],
      predict: {
        question: '在边车里运行 `ip addr show eth0` 会显示哪个地址？',
        choices: ['my-nginx1 的地址', '它自己的地址（下一个空闲地址）', '没有：它没有 eth0'],
        explain: '那个命名空间里只有一个 eth0，就是 my-nginx1 的；边车看到的是同一个设备、同一个地址。',
      },
      done: '两个容器，一个沙箱。',
    },
    ports: {
      title: '端口也是共享的：文章里的 my-nginx2',
      body: '文章在 my-nginx1 的命名空间里又运行了第二个 nginx：my-nginx2。试一试，再看它的日志：端口空间是共享的，所以第二个 nginx 无法绑定 80 端口而退出。文件系统和进程不共享，共享的是网络栈。真正的边车会监听另一个端口，通过 localhost 和伙伴通信。',
      hints: [
        '`docker run -d --name my-nginx2 --network container:my-nginx1 nginx`，然后 `docker logs my-nginx2`。',
      ],
      done: 'my-nginx2 退出了：“bind() to 0.0.0.0:80 failed (98: Address already in use)”。',
    },
    localhost: {
      title: 'localhost 就能访问伙伴',
      body: '在这个命名空间里的任何容器中，用 `wget` 或 `curl` 访问 `http://localhost` 都能到达 my-nginx1 的 nginx：连接从不离开命名空间，也不经过 docker0。',
      hints: ['在加入了 my-nginx1 命名空间的容器里运行一个客户端（busybox 的 wget 或 curl）。'],
    },
  },
};
