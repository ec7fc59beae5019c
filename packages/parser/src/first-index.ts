/**
 * The lowest index in [0, length) for which `after` holds, or `length` when none does; `after` must be false up to
 * some index and true from there on. The one binary search over lists in source order (stages, instructions,
 * markup pieces, places in a script): where an offset falls among them.
 */
export function firstIndex(length: number, after: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (after(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
