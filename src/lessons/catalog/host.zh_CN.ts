import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: 'host：没有自己的命名空间',
  summary:
    '使用 `--net=host` 时 Docker 不创建沙箱：容器进程运行在主机的网络命名空间里，能看到主机的所有接口，并可直接监听主机的端口。',
  steps: {
    run: {
      title: '在主机网络里开一个 shell',
      body: '用 `--net=host` 运行 busybox。图上不会出现新的框：这个容器位于主机的框里。',
      hints: ['`docker run -it --net=host busybox`'],
      predict: {
        question: '在这个容器里，`ip a` 会列出什么？',
        choices: ['只有 lo', 'lo 和一个 eth0，和普通容器一样', '主机的接口：lo、eth0、docker0、各个 veth……'],
        explain: '容器共享主机的网络命名空间，所以看到的和主机完全一样。它的文件系统和进程列表仍然是隔离的。',
      },
    },
    compare: {
      title: '和文章对比',
      body: '文章中 host 模式容器里的 `ip a` 显示 lo、eth0 10.0.12.13/22、docker0 172.17.0.1/16 以及若干 br- 网桥。你看到的是同一台主机（模拟器就是按文章里的机器搭建的），只是网络只有你自己创建的那些。\n\n主机接口保留 IPv6 链路本地地址：Docker 26.0.2 的改动只涉及容器的接入点。输入 `exit` 离开 shell。',
      hints: ['看完后输入 `exit` 离开容器的 shell。'],
    },
    ports: {
      title: '-p 被丢弃',
      body: '给 host 模式的容器发布端口：Docker 会警告发布的端口被丢弃。没有什么需要映射：nginx 自己绑定主机的 80 端口，没有 NAT，也没有 docker-proxy。速度快，但两个这样的容器不能同时使用 80 端口；在集群规模下，端口冲突就成了你的问题。',
      hints: [
        '`docker run -d --name hweb --net=host -p 8080:80 nginx`',
        '读一读 WARNING 那一行，再找找有没有 8080 的 DNAT 规则。',
      ],
      done: 'nginx 在主机的 80 端口上监听；没有写入任何 DNAT 规则。',
    },
  },
};
