import { ruleTester } from "../testing/rule-tester.js";
import rule from "./expose-invalid-format.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nEXPOSE 80 80/tcp 8000-8010/udp\n",
    { name: "a port from a variable", code: "FROM alpine\nARG P=8080:80\nEXPOSE $P\n" },
    { name: "an unknown protocol fails the build instead", code: "FROM alpine\nEXPOSE 8080:80/http\n" },
  ],
  invalid: [
    {
      code: "FROM alpine\nEXPOSE 8080:80\n",
      errors: [
        {
          messageId: "hostPart",
          message:
            "Port '8080:80' has a host IP or host port, which EXPOSE ignores; expose only the container port.",
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 15,
        },
      ],
      output: "FROM alpine\nEXPOSE 80\n",
    },
    {
      code: "FROM alpine\nEXPOSE 443 127.0.0.1:8080:80/tcp\n",
      errors: [{ messageId: "hostPart", line: 2, column: 12, endColumn: 33 }],
      output: "FROM alpine\nEXPOSE 443 80/tcp\n",
    },
    {
      name: "IPv6 host address",
      code: "FROM alpine\nEXPOSE [::1]:8080:80\n",
      errors: [{ messageId: "hostPart", line: 2, column: 8 }],
      output: "FROM alpine\nEXPOSE 80\n",
    },
  ],
});
