// The sandbox's clock in the dashboard header (issue 16): its time and whether it runs; Freeze/Resume
// and Advance (what falls due runs, in time order; the panels refresh once the sandbox is quiet).
export function mountClock(host, { api, el, onAdvanced }) {
  const time = el('span', { id: 'clock-time', role: 'status', 'aria-live': 'polite' }, '…');
  const toggle = el('button', { type: 'button', id: 'clock-toggle' }, 'Freeze');
  const by = el('select', { id: 'clock-by', 'aria-label': 'How far to advance the clock' }, ['1h', '6h', '1d', '7d', '8w'].map((v) => el('option', { value: v }, v)));
  const advance = el('button', { type: 'button', id: 'clock-advance', 'aria-label': 'Advance the sandbox clock' }, 'Advance');
  const note = el('span', { id: 'clock-note', class: 'empty' }, '');
  host.append(el('span', { id: 'clock', 'aria-label': 'Sandbox clock' }, '🕑 ', time, ' ', toggle, ' ', by, ' ', advance, ' ', note));
  let frozen = false;
  const show = (s) => {
    frozen = s.mode === 'frozen';
    time.textContent = `${s.now.replace('T', ' ').slice(0, 19)} UTC${frozen ? ' (frozen)' : Math.abs(s.offsetMs) > 1000 ? ' (shifted)' : ''}`;
    time.title = s.next ? `next: ${s.next.at} ${s.next.label} (${s.pending} waiting)` : `${s.pending} timers waiting`;
    toggle.textContent = frozen ? 'Resume' : 'Freeze';
    toggle.setAttribute('aria-label', frozen ? 'Let the sandbox clock run again' : 'Freeze the sandbox clock');
  };
  const refresh = () => api('/_sandbox/clock').then(show).catch(() => { time.textContent = 'unavailable'; });
  const command = async (body) => {
    note.textContent = '';
    try {
      const s = await api('/_sandbox/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      show(s);
      if (s.ran) {
        note.textContent = `ran ${s.ran.length} timer${s.ran.length === 1 ? '' : 's'}`;
        onAdvanced?.();
      }
    } catch (e) {
      note.textContent = e.message;
    }
  };
  toggle.addEventListener('click', () => command(frozen ? { resume: true } : { freeze: true }));
  advance.addEventListener('click', () => command({ advance: by.value }));
  refresh();
  setInterval(() => { if (!frozen) refresh(); }, 5_000);
}
