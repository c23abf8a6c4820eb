// The course page side of the embed API (docs/embedding.md shows the same in prose).
// ?app=http://127.0.0.1:PORT/ says where the playground is (another origin than this page).
const params = new URLSearchParams(location.search);
const app = new URL(params.get('app') ?? 'http://127.0.0.1:4173/');
const scenario = params.get('scenario');

const frame = document.getElementById('playground');
const q = new URLSearchParams({ embed: '1', view: 'both', origins: location.origin });
if (scenario) q.set('scenario', scenario);
const lesson = params.get('lesson');
if (lesson) q.set('lesson', lesson);
frame.src = `${app.href}?${q}`;

// The second frame allows another origin only: this page's messages must not reach it.
const stranger = document.getElementById('stranger');
stranger.src = `${app.href}?${new URLSearchParams({ embed: '1', view: 'terminal', origins: 'https://course.example' })}`;

const log = document.getElementById('log');
window.addEventListener('message', (ev) => {
  // Only the playground's origin, only our frames.
  if (ev.origin !== app.origin) return;
  const from =
    ev.source === frame.contentWindow
      ? 'playground'
      : ev.source === stranger.contentWindow
        ? 'stranger'
        : null;
  if (!from) return;
  log.textContent += `${from} ${JSON.stringify(ev.data)}\n`;
});

let next = 1;
const send = (target, msg) => target.contentWindow.postMessage({ id: next++, ...msg }, app.origin);
document.getElementById('run-bridge').addEventListener('click', () => {
  send(frame, { type: 'cnp:run', line: 'ip link add br0 type bridge' });
  send(stranger, { type: 'cnp:run', line: 'ip link add evil type bridge' });
});
document
  .getElementById('run-ps')
  .addEventListener('click', () => send(frame, { type: 'cnp:run', line: 'docker ps' }));
document.getElementById('reset').addEventListener('click', () => send(frame, { type: 'cnp:reset' }));
document.getElementById('typed').addEventListener('submit', (ev) => {
  ev.preventDefault();
  send(frame, { type: 'cnp:run', line: document.getElementById('line').value });
});
