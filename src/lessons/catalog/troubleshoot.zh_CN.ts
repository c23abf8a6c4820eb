import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: '排障挑战',
  summary:
    '三个出了问题的环境。找出原因，然后用你喜欢的任何方式修好：检查只看问题是否解决，不看你输入了哪些命令。',
  steps: {
    reach: {
      title: 'c1 访问不到 c3',
      body: 'c1 在默认网桥上，c3 在网络 `backend` 上（172.18.0.2）。在**不改动 c3** 的前提下（不重新连接、不重启、不重建），让 c1 能访问 c3。',
      hints: [
        '看看每个容器在哪些网络上：`docker network ls`、`docker inspect c1`。',
        '两个网络之间本来就是隔离的（DOCKER-ISOLATION 链）。要么把 c1 接入 c3 的网络，要么在 Docker 允许你加规则的地方放行这些流量。',
        'Docker 从不改动 DOCKER-USER 链，而 FORWARD 首先跳到它。',
      ],
      predict: {
        question: '`docker exec c1 ping -c 1 -W 1 c3` 会输出什么？',
        choices: ['收到 c3 的回复', '1 packets transmitted, 0 packets received', "`ping: bad address 'c3'`"],
        explain:
          'c1 在默认网桥上，Docker 在那里不提供按容器名解析的 DNS：c1 的 /etc/resolv.conf 基于主机的配置（这里是 nameserver 8.8.8.8），而那台服务器从没听说过 c3。',
      },
      done: 'c1 能访问 c3，而 c3 保持原样。',
    },
    internet: {
      title: 'c4 上不了网',
      body: '默认网桥上的新容器 c4 再也 ping 不通 8.8.8.8 了：有人改了主机上的一条规则。找到这处改动并修好它。',
      hints: [
        '数据包以 172.17.x.x 作为源地址离开：互联网上谁会回应这个地址？',
        '把 `iptables -t nat -S POSTROUTING` 和 Docker 通常为每个网络写入的规则对比一下。',
        'Docker 用一条针对子网的 MASQUERADE 规则，把 bridge 网络隐藏在主机地址后面。',
      ],
      done: 'c4 的数据包以外界能回应的源地址离开。',
    },
    port: {
      title: '端口已发布，curl 却卡住',
      body: 'shop 以 `-p 8081:80` 运行 nginx。局域网上的用户反映 `curl http://10.0.12.13:8081/` 一直卡住。`docker ps` 看起来一切正常。在不重建 shop 的前提下，让它能从局域网访问。',
      hints: [
        '卡住（而不是 “connection refused”）说明有东西在悄悄丢包。',
        '发布的端口在 DNAT 之后经过 FORWARD：看看 FORWARD 跳转到的链，从 DOCKER-USER 开始。',
        'DNAT 之后目的端口是容器的端口（80），不是 8081。',
      ],
      predict: {
        question: '`iptables -S DOCKER-USER` 会显示什么？',
        choices: ['一条针对 tcp 80 端口的 DROP 规则', '只有 `-A DOCKER-USER -j RETURN`', '其他内容'],
        explain: 'DOCKER-USER 是管理员放自己规则的地方，先于 Docker 的规则被检查；这里的 DROP 说了算。',
      },
      done: '从局域网到 10.0.12.13:8081 的连接现在能到达 nginx 了。',
    },
  },
};
