import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: 'none：空空如也的沙箱',
  summary: '文章介绍的第一种模式：`--net=none` 给容器一个独立的网络命名空间，里面只有回环接口。',
  steps: {
    run: {
      title: '启动一个没有网络的容器',
      body: '用 `--net=none` 和 `-it` 运行 busybox：你会得到容器里的一个 shell。Docker 仍然创建了沙箱（命名空间），但没有创建接入点：没有 veth、没有网桥端口、没有地址。',
      hints: [
        '完整命令是 `docker run --net=none -it busybox`。',
        '运行后提示符变成 `/ #`：你已经在容器里了。',
      ],
      done: '图上新出现的框里只有 lo。',
    },
    look: {
      title: '看看里面：ifconfig 和 route -n',
      body: '在容器里运行 `ifconfig` 和 `route -n`，和文章中一样。\n\n你的 `ifconfig` 输出里 lo 有一行 `inet6 addr: ::1/128`，文章的截图里没有：文章所用的主机很可能整体关闭了 IPv6。内核开启 IPv6 时，每个新的命名空间里 lo 都会有 ::1。',
      hints: ['在容器的 shell（提示符 `/ #`）里输入命令，而不是在主机上。'],
      predict: {
        question: '在这个容器里，`route -n` 会输出什么？',
        choices: [
          '只有表头：路由表是空的',
          '一条经由 172.17.0.1 的默认路由',
          '一条经由 lo 的 127.0.0.0/8 路由',
        ],
        explain:
          '回环路由在 local 表里，`route -n` 不显示它；main 表是空的，因为这里从来没有配置过任何地址。',
      },
    },
    loopback: {
      title: 'lo 能用，其他都不行',
      body: 'ping 回环地址，再试试外面的世界。这就是取舍：最大的自由（之后可以手工配置这个命名空间），但在你配置之前没有任何连通性。它适合不能碰网络的批处理任务，或自己配置网络的工具。',
      hints: ['在容器的 shell 里运行 `ping -c 1 127.0.0.1`。', '确认你还在容器里（提示符 `/ #`）。'],
      predict: {
        question: '在这里运行 `ping -c 1 8.8.8.8` 会怎样？',
        choices: ['立即报错 `sendto: Network is unreachable`', '等待一段时间后报告 100% 丢包', '收到回复'],
        explain: '一条路由都没有，内核拒绝发送：sendto() 在任何数据包产生之前就以 ENETUNREACH 失败。',
      },
      done: '回显应答走的是 lo，从未离开这个命名空间。',
    },
    leave: {
      title: '离开容器',
      body: '输入 `exit`。这个 shell 是容器的主进程，所以容器会停止，它的命名空间也随之消失；`docker ps -a` 仍会把它列为 Exited。',
      hints: ['在容器的 shell 里输入 `exit`。'],
      done: '沙箱的框已经从图上消失了。',
    },
  },
};
