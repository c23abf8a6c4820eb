import type { LessonText } from '../types';

export const zhCN: LessonText = {
  title: 'Kubernetes Pod：pause + container:',
  summary:
    'Pod 就是共享同一个网络命名空间的几个容器。Kubernetes 正是基于你刚用过的 `container:` 模式，围绕一个很小的 “pause” 容器来实现它的。',
  steps: {
    pause: {
      title: 'pause 容器持有命名空间',
      body: 'Kubernetes 首先启动 Pod 的基础设施容器（“pause”）。它什么也不做，只是睡眠；它的任务是持有网络命名空间，这样应用容器可以来来去去，而 Pod 的 IP 保持不变。\n\n这里由 Docker 把 pause 的沙箱接到 docker0 上。使用 dockershim 的 kubelet 则以 `--net=none` 创建 pause，再交给 CNI 插件去配置它的命名空间。',
      hints: ['`docker run -d --name pause busybox sleep 86400`'],
    },
    members: {
      title: '成员通过 container:pause 加入',
      body: 'Pod 中的每个应用容器都以 `--network container:<pause>` 启动（IPC 也一样）。它们共享一个 IP、一个端口空间和 localhost。',
      hints: ['两个成员都需要 `--network container:pause`。', 'pause 必须在运行。'],
      predict: {
        question: 'pause 在 docker0 上有一个地址。在 helper 里运行 `ip addr show eth0` 会显示哪个地址？',
        explain: '每个成员看到的都是 pause 容器的 eth0：一个 Pod 一个 IP。',
      },
      done: '一个 Pod：一个命名空间、一个 IP、三个容器。',
    },
    cni: {
      title: '一段话讲清 CNI 与 CNM',
      body: 'CNM（Docker、libnetwork）由引擎自己创建沙箱、接入点和网络。CNI（Kubernetes）是一个更小的约定：运行时先创建命名空间，再调用插件程序（“把这个命名空间 ADD 到网络里”），由插件创建 veth、分配地址、设置路由，之后再 “DEL”。Kubernetes 选择 CNI，是因为它的基本单位是 Pod 而不是容器，而且它要的是一个扁平网络：每个 Pod 都能不经 NAT 访问其他 Pod，这与 Docker 的 DNAT/MASQUERADE 模型不同。\n\n看看 `app` 的网络模式；然后停止 pause，看看成员们会怎样。',
      hints: ["`docker inspect -f '{{.HostConfig.NetworkMode}}' app` 会输出 `container:` 加上 pause 的 id。"],
    },
  },
};
