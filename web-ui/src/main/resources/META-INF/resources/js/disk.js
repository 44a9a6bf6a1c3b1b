// The station's data disk in a few words ("12.3 GB free, 210 days left"), shown in the header and,
// when low, in a banner (banners.js). Values come from the store (GET /api/disk-space, 'disk' events).

import { setText } from './dom.js';
import * as store from './store.js';

/** "812 MB free, 3 days left at the current rate" or "812 MB free" while nothing records. */
export function diskWords(disk) {
  const free = bytes(disk.freeBytes);
  if (disk.daysLeft == null) return `${free} free`;
  const days = disk.daysLeft >= 10 ? Math.round(disk.daysLeft) : disk.daysLeft.toFixed(1);
  return `${free} free, ${days} days left at the current rate`;
}

export function bytes(n) {
  if (!(n >= 0)) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let x = n;
  while (x >= 1000 && i < units.length - 1) { x /= 1000; i += 1; }
  return `${x >= 100 || i === 0 ? Math.round(x) : x.toFixed(1)} ${units[i]}`;
}

/** Keeps the header's disk line current. */
export function renderDisk(element) {
  const disk = store.diskSpace();
  element.hidden = !disk;
  if (!disk) return;
  setText(element, `Disk: ${diskWords(disk)}`);
  element.classList.toggle('low', disk.low);
}
