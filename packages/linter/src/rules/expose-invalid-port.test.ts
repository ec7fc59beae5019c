import { ruleTester } from "../testing/rule-tester.js";
import rule from "./expose-invalid-port.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nEXPOSE 0 65535 80/tcp 53/udp\n",
    "FROM alpine\nEXPOSE 8000-8010 8000-8000/tcp\n",
    "FROM alpine\nEXPOSE $PORT ${PORT}/tcp\n",
    "FROM alpine\nEXPOSE 127.0.0.1:8080:80\n",
    // Quotes are removed before BuildKit reads the port.
    "FROM alpine\nEXPOSE \"80\" '443/tcp'\n",
  ],
  invalid: [
    {
      code: "FROM alpine\nEXPOSE 80 65536\n",
      errors: [
        {
          messageId: "outOfRange",
          message: "Port 65536 is out of range: ports go from 0 to 65535.",
          line: 2,
          column: 11,
          endColumn: 16,
        },
      ],
    },
    {
      code: "FROM alpine\nEXPOSE 1-70000/tcp\n",
      errors: [{ messageId: "outOfRange", line: 2, column: 10, endColumn: 15 }],
    },
    {
      code: "FROM alpine\nEXPOSE 99999-100000\n",
      errors: [
        { messageId: "outOfRange", line: 2, column: 8, endColumn: 13 },
        { messageId: "outOfRange", line: 2, column: 14, endColumn: 20 },
      ],
    },
    {
      code: "FROM alpine\nEXPOSE 9000-8000/udp\n",
      errors: [{ messageId: "reversedRange", line: 2, column: 8, endColumn: 17 }],
    },
    {
      code: "FROM alpine\nEXPOSE 80a 8080/tcp 90-9x/udp\n",
      errors: [
        {
          messageId: "notANumber",
          message: "Port '80a' is not a number (or a range of numbers); BuildKit rejects it.",
          line: 2,
          column: 8,
          endColumn: 11,
        },
        { messageId: "notANumber", line: 2, column: 21, endColumn: 26 },
      ],
    },
    { code: "FROM alpine\nEXPOSE 8080:70000\n", errors: [{ messageId: "outOfRange", line: 2, column: 13 }] },
    {
      code: "FROM alpine\nONBUILD EXPOSE 70000\n",
      errors: [{ messageId: "outOfRange", line: 2, column: 16 }],
    },
  ],
});
