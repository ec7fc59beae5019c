import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import { isIpAddress } from "../src/ip.js";

// The planner runs in the browser too, so it has its own reader; Node's agrees with Go's on these.
const cases = [
  "127.0.0.1",
  "0.0.0.0",
  "255.255.255.255",
  "256.1.1.1",
  "1.2.3",
  "1.2.3.4.5",
  "01.2.3.4",
  "a.b.c.d",
  "",
  "::",
  "::1",
  "1::",
  "fe80::1",
  "2001:db8::8a2e:370:7334",
  "2001:0db8:0000:0000:0000:ff00:0042:8329",
  "1:2:3:4:5:6:7:8",
  "1:2:3:4:5:6:7:8:9",
  "1:2:3:4:5:6:7::",
  "::ffff:192.0.2.1",
  "1::2::3",
  "12345::1",
  "g::1",
  ":1",
  "1:",
  "::ffff:1.2.3",
  "1:2:3:4:5:6:1.2.3.4",
  "1:2:3:4:5:6:7:1.2.3.4",
];

describe("isIpAddress", () => {
  it.each(cases)("%s", (text) => {
    expect(isIpAddress(text)).toBe(isIP(text) !== 0);
  });
});
