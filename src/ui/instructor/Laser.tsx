/**
 * A laser-pointer-style highlight over the graph: while on, the pointer draws a bright red dot with a short
 * fading trail (drawn on a canvas on top of the graph; the graph underneath is not clickable meanwhile).
 */
import { useEffect, useRef } from 'react';

const TRAIL_MS = 650;

export function Laser({ label }: { label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const points: { x: number; y: number; at: number }[] = [];
    let frame = 0;
    const resize = () => {
      const r = canvas.getBoundingClientRect();
      canvas.width = Math.round(r.width * devicePixelRatio);
      canvas.height = Math.round(r.height * devicePixelRatio);
    };
    const draw = () => {
      const now = performance.now();
      while (points.length > 0 && now - (points[0]?.at ?? now) > TRAIL_MS) points.shift();
      ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      for (let i = 1; i < points.length; i++) {
        const a = points[i - 1];
        const b = points[i];
        if (!a || !b) continue;
        const life = 1 - (now - b.at) / TRAIL_MS;
        ctx.strokeStyle = `rgba(255, 40, 40, ${Math.max(0, life) * 0.8})`;
        ctx.lineWidth = 10 * Math.max(0.2, life);
        ctx.lineCap = 'round';
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
        ctx.stroke();
      }
      const last = points[points.length - 1];
      if (last) {
        ctx.shadowColor = 'rgba(255, 0, 0, 0.9)';
        ctx.shadowBlur = 24;
        ctx.fillStyle = '#ff2020';
        ctx.beginPath();
        ctx.arc(last.x, last.y, 9, 0, Math.PI * 2);
        ctx.fill();
        ctx.shadowBlur = 0;
      }
      frame = requestAnimationFrame(draw);
    };
    const move = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      points.push({ x: e.clientX - r.left, y: e.clientY - r.top, at: performance.now() });
    };
    resize();
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);
    canvas.addEventListener('pointermove', move);
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      canvas.removeEventListener('pointermove', move);
    };
  }, []);
  return (
    <canvas
      ref={ref}
      data-testid="laser"
      aria-label={label}
      className="absolute inset-0 z-20 h-full w-full cursor-none"
    />
  );
}
