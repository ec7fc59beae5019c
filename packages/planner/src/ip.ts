/** True for an IPv4 or IPv6 address as Go's net.ParseIP reads it (no zone, no leading zeros in IPv4 parts). */
export function isIpAddress(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

function isIPv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  // An embedded IPv4 address may end the address and counts as two groups.
  let width = all.length;
  const last = all.at(-1);
  if (last !== undefined && last.includes(".")) {
    if (!isIPv4(last)) return false;
    all.pop();
    width++;
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? width < 8 : width === 8;
}
