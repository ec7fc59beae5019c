import { ruleTester } from "../testing/rule-tester.js";
import rule from "./expose-proto-casing.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nEXPOSE 80 80/tcp 53/udp 9/sctp\n",
    { name: "an unknown protocol fails the build instead", code: "FROM alpine\nEXPOSE 80/HTTP\n" },
    { name: "a port from a variable", code: "FROM alpine\nARG P=80/TCP\nEXPOSE $P\n" },
  ],
  invalid: [
    {
      code: "FROM alpine\nEXPOSE 80/TCP\n",
      errors: [
        {
          messageId: "uppercase",
          message: "Protocol of port '80/TCP' should be lowercase.",
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 14,
        },
      ],
      output: "FROM alpine\nEXPOSE 80/tcp\n",
    },
    {
      code: "FROM alpine\nEXPOSE 80 8000-8010/Udp 1:2/SCTP\n",
      errors: [
        { messageId: "uppercase", line: 2, column: 21 },
        { messageId: "uppercase", line: 2, column: 29 },
      ],
      output: "FROM alpine\nEXPOSE 80 8000-8010/udp 1:2/sctp\n",
    },
  ],
});
