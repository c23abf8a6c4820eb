import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: 'bridge：docker0 和每个容器一对 veth',
  summary:
    '默认模式：每个容器在 docker0（172.17.0.0/16）上有自己的地址，由一对 veth 连接。找到这对 veth，看路由，ping 一下，再看网桥如何学习。',
  steps: {
    c1: {
      title: '默认网桥上的容器',
      body: '不加 `--net` 启动 c1：它接入默认网络 `bridge`，对应的 Linux 网桥是 `docker0`。\n\n文章截图里容器的 eth0 有一行 `inet6 fe80::…`。那些截图早于 Docker 26.0.2：从那以后，如果网络没有启用 IPv6，Docker 会在该网络的接口上禁用 IPv6，所以 Docker 27 容器的 eth0 没有 IPv6 链路本地地址（lo 仍保留 ::1）。',
      hints: ['`docker run -d --name c1 busybox sleep 3600`', '名字必须是 c1，而且要保持运行。'],
      predict: {
        question: 'c1 的 eth0 会像文章里那样有一行 `inet6 fe80::…` 吗？',
        choices: ['会，有一个 IPv6 链路本地地址', '不会：只有 IPv4'],
        explain:
          'Docker 26.0.2 及之后的版本在网络未启用 IPv6 时会对 eth0 设置 disable_ipv6，因此不会生成链路本地地址。',
      },
      done: 'c1 的 eth0 和它在主机端的 veth 已高亮。',
    },
    veth: {
      title: '在主机上找到 c1 的 veth',
      body: '在 c1 里，`ip link show eth0` 显示 `N: eth0@ifM`。M 是这对 veth 在主机上那一端的 ifindex（c1 的 `/sys/class/net/eth0/iflink` 里也是这个数字）。在主机上，`ip link show master docker0` 列出 docker0 的端口：编号为 M 的就是 c1 的。\n\n然后像文章一样，看看 c1 的路由表。',
      hints: [
        '把 c1 里的 `@ifM` 数字和主机上 veth 名字前面的编号对比。',
        '`docker exec c1 route -n` 在 c1 里运行 busybox 的 route。',
      ],
      predict: {
        question: 'c1 的默认路由（0.0.0.0）的网关是什么？',
        explain: '网关是 docker0 自己的地址，也就是这个网络的第一个地址（172.17.0.1）。',
      },
    },
    ping: {
      title: '容器之间互相 ping',
      body: '启动 c2，从 c1 ping 它。默认网桥上没有按容器名解析的 DNS：请使用 IP 地址。',
      hints: [
        '`docker run -d --name c2 busybox sleep 3600`，然后用 `docker inspect` 查它的地址。',
        '在默认网桥上 `ping c2` 会报 `bad address`：请用 c2 的 IP。',
      ],
      predict: {
        question: 'c1 的地址是 172.17.0.2。c2 会得到哪个地址？',
        explain: 'IPAM 分配地址池里最小的空闲地址：.1 是网关，.2 是 c1，所以 c2 得到 .3。',
      },
      done: '回显应答经由 docker0 从 c2 返回。',
    },
    fdb: {
      title: '网桥学到了 MAC 地址',
      body: '网桥就是一台交换机：它从经过的帧中学习哪个 MAC 地址在哪个端口后面。ping 之后，看看 docker0 的转发数据库（FDB）。',
      hints: ['在主机上运行 `brctl showmacs docker0` 或 `bridge fdb show br docker0`。'],
      predict: {
        question: 'docker0 会学到哪些 MAC 地址（is local? 为 no 的行）？',
        choices: [
          '由容器 IP 生成的 MAC：02:42:ac:11:00:02 和 02:42:ac:11:00:03',
          '随机的 MAC',
          '没有：还什么都没学到',
        ],
        explain:
          'Docker 27 由接入点的 IPv4 地址生成 MAC（02:42 加上 IP 的四个字节）。“yes”的行是主机端 veth 自己的 MAC，它们是随机的。',
      },
    },
  },
};
