import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: '自定义网桥',
  summary:
    '你创建的网络有自己的 Linux 网桥和子网、按容器名解析的 DNS，并且与其他网络隔离。`docker network connect` 为运行中的容器增加一个接入点。',
  steps: {
    create: {
      title: '创建一个网络',
      body: '`docker network create` 创建一个新的 bridge 网络：一个名为 `br-` 加网络 id 前 12 个字符的 Linux 网桥，并从 Docker 默认地址池中取下一个空闲的 /16。',
      hints: ['`docker network create mynet`'],
      predict: {
        question: 'docker0 是 172.17.0.0/16。mynet 会得到哪个子网？',
        explain:
          '默认地址池是 172.17–31.0.0/16，然后是 192.168.0.0 的若干 /20；docker0 占用了第一个，所以 mynet 得到 172.18.0.0/16。',
      },
      done: '主机上出现了一个新的网桥。',
    },
    dns: {
      title: '容器之间按名字互相找到',
      body: '在自定义网络上，Docker 的内嵌 DNS 服务器（每个容器里的 127.0.0.11）会解析容器名。在 mynet 上启动两个容器，按名字从一个 ping 另一个。',
      hints: ['两个容器都需要 `--network mynet`。', '`docker exec a1 ping -c 1 a2`'],
      done: 'a2 的名字被解析为它在 mynet 上的地址，并且它回应了。',
    },
    isolation: {
      title: '网络之间相互隔离',
      body: '在默认网桥上启动 c1，试着访问 mynet 上的 a1（172.18.0.2）。主机会在两个网桥之间路由，但 FORWARD 路径中 Docker 的 DOCKER-ISOLATION 链会丢弃网络之间的流量。',
      hints: [
        '`docker run -d --name c1 busybox sleep 3600`，然后 `docker exec c1 ping -c 1 -W 1 172.18.0.2`。',
      ],
      predict: {
        question: 'c1 ping 172.18.0.2 会输出什么？',
        choices: ['收到回复', '1 packets transmitted, 0 packets received', '`Network is unreachable`'],
        explain: 'c1 有默认路由，所以包发出去了；主机在 DOCKER-ISOLATION-STAGE-2 中把它丢弃，什么也回不来。',
      },
      done: '跟踪记录显示包在 DOCKER-ISOLATION-STAGE-2 被丢弃。',
    },
    connect: {
      title: '把 c1 也接入 mynet',
      body: '`docker network connect` 在 c1 的沙箱里增加第二个接入点（eth1）。现在 c1 同时在两个网络上，可以直接访问 a1，也可以按名字访问。',
      hints: ['`docker network connect mynet c1`', '然后 `docker exec c1 ping -c 1 a1`。'],
      done: 'c1 通过新的 eth1 访问到了 a1。',
    },
  },
};
