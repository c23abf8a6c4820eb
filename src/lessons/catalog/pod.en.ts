import type { LessonText } from '../types';

export const en: LessonText = {
  title: 'Kubernetes pods: pause + container:',
  summary:
    'A pod is several containers sharing one network namespace. Kubernetes built that on exactly the `container:` mode you just used, around a tiny “pause” container.',
  steps: {
    pause: {
      title: 'The pause container holds the namespace',
      body: 'Kubernetes starts a pod’s infrastructure (“pause”) container first. It does nothing but sleep; its job is to own the network namespace, so app containers can come and go while the pod’s IP stays.\n\nHere Docker wires pause’s sandbox to docker0. A kubelet with dockershim created pause with `--net=none` and let a CNI plugin configure its namespace instead.',
      hints: ['`docker run -d --name pause busybox sleep 86400`'],
    },
    members: {
      title: 'Members join with container:pause',
      body: 'Each app container of the pod is started with `--network container:<pause>` (and the same for IPC). They share one IP, one port space and localhost.',
      hints: ['Both members need `--network container:pause`.', 'pause must be running.'],
      predict: {
        question: 'pause has an address on docker0. Which address will `ip addr show eth0` print in helper?',
        explain: 'Every member sees the pause container’s eth0: one IP per pod.',
      },
      done: 'One pod: one namespace, one IP, three containers.',
    },
    cni: {
      title: 'CNI vs CNM in a paragraph',
      body: 'CNM (Docker, libnetwork) has the engine create the sandbox, the endpoints and the networks itself. CNI (Kubernetes) is a smaller contract: the runtime creates a namespace, then calls a plugin binary (“ADD this namespace to the network”) that creates the veth, picks the address and sets the routes, and later “DEL”. Kubernetes picked CNI because its unit is the pod, not the container, and it wants a flat network where every pod reaches every other pod without NAT, unlike Docker’s DNAT/MASQUERADE model.\n\nLook at `app`’s network mode; then stop pause and see what becomes of the members.',
      hints: ["`docker inspect -f '{{.HostConfig.NetworkMode}}' app` prints `container:` and pause’s id."],
    },
  },
};
