/**
 * The transport icons as inline SVG (the Unicode media symbols are missing from many classroom machines'
 * fonts and render as empty boxes). Decorative: every button that shows one has its own label.
 */
const PATHS = {
  start: 'M4 3h2v10H4zM13 3v10L7 8z',
  back: 'M12 3v10L5 8zM3 3h2v10H3z',
  play: 'M5 3v10l8-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  step: 'M4 3v10l7-5zM11 3h2v10h-2z',
  end: 'M3 3v10l6-5zM10 3h2v10h-2z',
  close: 'M4 4l8 8M12 4l-8 8',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  const stroke = name === 'close';
  return (
    <svg aria-hidden viewBox="0 0 16 16" width="14" height="14" className="shrink-0">
      <path
        d={PATHS[name]}
        fill={stroke ? 'none' : 'currentColor'}
        stroke={stroke ? 'currentColor' : 'none'}
        strokeWidth={stroke ? 2 : 0}
        strokeLinecap="round"
      />
    </svg>
  );
}
