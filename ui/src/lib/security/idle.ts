// The idle lock: after `seconds` with no key pressed, no click and no pointer moved, `onidle`
// runs (it saves every draft, then locks). Any use starts the count again.

const USE = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function watchIdle(seconds: number, onidle: () => void, target: Window = window): () => void {
  if (seconds <= 0) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onidle, seconds * 1000);
  };
  for (const kind of USE) target.addEventListener(kind, restart, { passive: true });
  restart();
  return () => {
    clearTimeout(timer);
    for (const kind of USE) target.removeEventListener(kind, restart);
  };
}
