import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: '一张图看懂 CNM',
  summary:
    'Docker 的容器网络模型（CNM）只有三个概念：沙箱、接入点、网络。看它们在拓扑图上逐个变成真实的 Linux 对象。',
  steps: {
    sandbox: {
      title: '沙箱就是一个网络命名空间',
      body: 'libnetwork 实现了 CNM，Docker 为每个容器调用它。它首先创建的是**沙箱（Sandbox）**：容器自己的网络栈（接口、路由、DNS 设置）。在 Linux 上，沙箱就是一个网络命名空间（network namespace）。\n\n启动一个容器，看主机旁边出现一个新框：那就是 c1 的沙箱。',
      hints: [
        '点击命令即可把它输入终端；如果没有执行，请按回车。',
        '容器必须保持运行：`sleep 3600` 让它运行一小时。',
      ],
      done: 'c1 运行在自己的命名空间里。高亮的框就是沙箱。',
    },
    endpoint: {
      title: '接入点把沙箱接入网络',
      body: '**接入点（Endpoint）**把沙箱连接到网络。使用 bridge 驱动时，它是一对 veth：一端是 c1 里的 `eth0`，另一端留在主机上，插在网桥 `docker0` 上。\n\n先回答问题，再运行命令：名字后面的 `@ifN` 是这对 veth 另一端的 ifindex。',
      hints: [
        '`ip link show master docker0` 会列出网桥 docker0 的所有端口。',
        '在 c1 里是 `eth0@ifN`：N 是主机端 veth 的编号；在主机上显示为 `vethXXXX@ifM`，M 是 c1 中 eth0 的编号。',
      ],
      predict: {
        question: '在主机上运行 `ip link show master docker0`，会列出哪些接口？',
        choices: [
          '一个名字随机的 veth（c1 那对 veth 的主机端）',
          'c1 的 eth0 本身',
          '什么也没有：docker0 没有端口',
        ],
        explain:
          'eth0 在 c1 的命名空间里，主机看不到它。主机看到的是这对 veth 的另一端 `vethXXXXXXX`，它挂在 docker0 上。',
      },
      done: '接入点的两端都高亮了：沙箱里的 eth0 和主机上的 veth。',
    },
    network: {
      title: '网络就是网桥；一个沙箱可以加入多个网络',
      body: '**网络（Network）**是一组可以直接通信的接入点。bridge 驱动用 Linux 网桥来实现它：默认网络是 `docker0`，你创建的每个网络是一个 `br-<id>`。\n\n一个沙箱可以有多个接入点，分别接入多个网络。创建一个网络，再把 c1 也接进去。',
      hints: [
        '先 `docker network create mynet`，再 `docker network connect mynet c1`。',
        '连接会新增一个接入点；c1 原来的接入点还在。',
      ],
      predict: {
        question: '连接之后，c1 容器里新出现的接口叫什么名字？',
        explain:
          'libnetwork 在沙箱内按 eth0、eth1……命名接口，计数器按沙箱分别保存，所以第二个接入点就是 eth1。',
      },
      done: '一个沙箱、两个接入点、两个网络：这就是 CNM 的全部。',
    },
  },
};
