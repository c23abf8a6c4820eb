import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: '发布端口',
  summary:
    '`-p 8080:80` 让容器的端口可以通过主机自己的地址访问。看看 Docker 为此配置的三样东西：一条 DNAT 规则、一条回环（hairpin）MASQUERADE 规则和一个 docker-proxy。',
  steps: {
    run: {
      title: '用 -p 8080:80 运行 nginx',
      body: '启动 nginx，并把它的 80 端口发布到主机的 8080 端口。`docker ps` 会把映射显示为 `0.0.0.0:8080->80/tcp`。',
      hints: ['`docker run -d --name web -p 8080:80 nginx`', '顺序是 主机端口:容器端口。'],
      done: 'nginx 在自己的命名空间里监听 80 端口；主机把 8080 转发给它。',
    },
    dnat: {
      title: 'DNAT 规则和回环',
      body: '到达主机地址 8080 端口的数据包，会在 nat 表的 DOCKER 链中被改写（DNAT）为容器的地址和 80 端口。来自外部的包经 PREROUTING 跳到这里，主机本机发起的连接经 OUTPUT 跳到这里。\n\n在 POSTROUTING 中，一条源和目的都是该容器的规则会对“回环”流量做 MASQUERADE：即容器通过主机访问自己发布的端口。在 filter 表中，DOCKER 链放行转换后的数据包。\n\n主机上的进程连接 localhost:8080 时，走的是 docker-proxy：一个在 8080 上监听的用户态进程。',
      hints: ['`iptables -t nat -S DOCKER` 以规则形式列出 nat 表的 DOCKER 链。'],
      predict: {
        question: '`iptables -t nat -S DOCKER` 会为 web 显示哪条规则？',
        choices: [
          '`! -i docker0 -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80`',
          '`-p tcp --dport 80 -j DNAT --to-destination 172.17.0.2:8080`',
          '没有：Docker 只用 docker-proxy',
        ],
        explain:
          '规则匹配主机端口（8080），改写为容器的地址和端口（80）。`! -i docker0` 把来自网桥本身的流量留给回环路径处理。',
      },
    },
    reach: {
      title: '通过主机访问',
      body: '从另一个容器访问主机地址 10.0.12.13 的 8080 端口。来自局域网的连接会被 DNAT 规则改写后送到 nginx。来自 docker0 上容器的连接不适用这条规则（`! -i docker0`）：它到达的是 docker-proxy，后者在主机的 8080 端口监听，并把连接转发到容器的 80 端口。',
      hints: [
        '使用主机的地址 10.0.12.13，而不是容器的地址。',
        '`docker run --rm nicolaka/netshoot curl -s http://10.0.12.13:8080/`',
      ],
      done: 'nginx 通过主机的 8080 端口作出了应答。',
    },
  },
};
